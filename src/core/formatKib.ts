/** A size as the package store shows it: whole KiB, at least 1. */
export function formatKib(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}
