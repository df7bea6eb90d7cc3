import { overLimitText } from '../core/inputLimits';
import { unzipSync } from 'fflate';
import { PackageError, messageOf } from './packageError';
import { collectPackageFiles, type PackageFiles } from './packageFiles';
import { MAX_ARCHIVE_ENTRIES, MAX_ZIP_BYTES } from './packageLimits';
import { isPackageName } from './packageName';
import { entrySegments } from './packagePaths';

export interface ZipPackage extends PackageFiles {
  /** The package's folder inside the zip, e.g. `node_modules/a/node_modules/@s/b`. */
  folder: string;
}

/** macOS litter a zip made in Finder carries. */
function isSystemEntry(segments: readonly string[]): boolean {
  return segments.some(
    (segment) => segment === '__MACOSX' || segment === '.DS_Store' || segment.startsWith('._'),
  );
}

/** The package folder a path is in: the segments up to the package name after its last `node_modules`. */
function packageFolderOf(segments: readonly string[]): { folder: string; depth: number } | null {
  const last = segments.lastIndexOf('node_modules');
  if (last < 0) return null;
  const scoped = segments[last + 1]?.startsWith('@') === true;
  const depth = last + (scoped ? 3 : 2);
  if (segments.length <= depth) return null;
  const name = segments.slice(last + 1, depth).join('/');
  return isPackageName(name) ? { folder: segments.slice(0, depth).join('/'), depth } : null;
}

/**
 * The packages of a zip of a `node_modules` folder (at the zip's top or inside a folder):
 * every `node_modules/<name>/package.json` (scoped names and nested node_modules included)
 * starts a package, which holds the files under its folder except those of packages nested
 * in it. A package that cannot be read is a problem of its own; the others are returned.
 * A zip that is damaged, too large, or has an entry pointing outside it is refused whole.
 */
export function readNodeModulesZip(
  bytes: Uint8Array,
  fileName: string,
): { packages: ZipPackage[]; problems: { folder: string; message: string }[] } {
  if (bytes.length > MAX_ZIP_BYTES) {
    throw new PackageError(
      `${fileName} is too large. ${overLimitText('Bytes of a zip', MAX_ZIP_BYTES)}`,
    );
  }
  let entries = 0;
  let declared = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        if (entries > MAX_ARCHIVE_ENTRIES) {
          throw new PackageError(
            `${fileName} has too many entries. ${overLimitText('Entries', MAX_ARCHIVE_ENTRIES)}`,
          );
        }
        if (file.name.endsWith('/')) return false;
        // The sizes a zip declares decide what is allocated: bounded before anything is inflated.
        declared += file.originalSize;
        if (declared > MAX_ZIP_BYTES) {
          throw new PackageError(
            `${fileName} is too large once unpacked. ${overLimitText('Unpacked bytes', MAX_ZIP_BYTES)}`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(`${fileName} is not a readable zip file: ${messageOf(error)}.`);
  }

  const files = Object.entries(unzipped)
    .map(([name, data]) => ({ segments: entrySegments(name, fileName), data }))
    .filter(({ segments }) => segments.length > 0 && !isSystemEntry(segments));
  // Only a package.json right in a package folder starts a package (not a fixture deeper in it).
  const folders = new Set<string>();
  for (const { segments } of files) {
    const found = packageFolderOf(segments);
    if (
      found !== null &&
      segments.length === found.depth + 1 &&
      segments[found.depth] === 'package.json'
    ) {
      folders.add(found.folder);
    }
  }
  const byFolder = new Map<string, { path: string; data: Uint8Array }[]>();
  for (const folder of folders) byFolder.set(folder, []);
  for (const { segments, data } of files) {
    const found = packageFolderOf(segments);
    if (found === null) continue;
    byFolder.get(found.folder)?.push({ path: segments.slice(found.depth).join('/'), data });
  }

  const packages: ZipPackage[] = [];
  const problems: { folder: string; message: string }[] = [];
  for (const [folder, packageFiles] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      packages.push({ folder, ...collectPackageFiles(packageFiles, folder) });
    } catch (error) {
      problems.push({ folder, message: `${messageOf(error)}.` });
    }
  }
  return { packages, problems };
}
