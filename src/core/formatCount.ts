/**
 * An integer with thousands separators, as `toLocaleString('en-US')` writes it. The first
 * Intl call of a fresh page or worker loads locale data (≈0.1–0.2 s of main thread, and
 * limit messages are built while the app's modules load), so counts are formatted by hand.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return String(value);
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${digits}` : digits;
}
