// The version a hook pins in `require('got@9.6.0')` decides what it sees where a library's
// versions differ (docs/runtime-semantics.md §12); Hookpad ships one implementation per client.

export type Version = readonly [major: number, minor: number, patch: number];

/** `9.6.0`, `v1.2`, `11` → [9, 6, 0]…; ranges and tags (`^1.2.0`, `latest`) → undefined. */
export function parseVersion(text: string | undefined): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** Whether `version` is `floor` or later. */
export function atLeast(version: Version, floor: Version): boolean {
  for (let index = 0; index < 3; index++) {
    if (version[index]! !== floor[index]!) return version[index]! > floor[index]!;
  }
  return true;
}

/** The version as written in a User-Agent: `9.6.0`. */
export function versionText(version: Version): string {
  return version.join('.');
}
