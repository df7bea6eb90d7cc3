import { PackageError } from './packageError';

/**
 * An archive entry's path as segments, `./` and empty segments dropped. A path that is
 * absolute, has a drive letter, or climbs with `..` (either slash counts, as Windows tools
 * write backslashes) is refused: it would point outside the package.
 */
export function entrySegments(path: string, archive: string): string[] {
  const refuse = (): never => {
    throw new PackageError(
      `${archive} is refused: its entry "${path.slice(0, 200)}" points outside the package.`,
    );
  };
  if (
    path.startsWith('/') ||
    path.startsWith('\\') ||
    /^[a-zA-Z]:/.test(path) ||
    path.includes('\0')
  ) {
    refuse();
  }
  const segments = path.split(/[/\\]/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) refuse();
  return segments;
}

/**
 * The folder every path starts with (`package/` in what `npm pack` writes, but other tools
 * use the package's name), or '' when the paths share none.
 */
export function commonTopFolder(paths: readonly string[][]): string {
  const first = paths[0]?.[0];
  if (first === undefined) return '';
  return paths.every((segments) => segments.length > 1 && segments[0] === first) ? first : '';
}
