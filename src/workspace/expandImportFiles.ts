import { hasZipSignature } from '../core/fileSignatures';
import { unzipSync } from 'fflate';
import { MAX_ZIP_ENTRIES, overLimitText } from '../core/inputLimits';
import { formatCount } from '../core/formatCount';
import { errorText } from './errorText';
import type { ImportFile, ImportProblem } from './importHooks';
import { baseNameOf, extensionOf, normalizePath } from './resolvePath';
import { zipEntryCount } from './zipEntryCount';

/** One file to consider: a given file, or an entry of a given zip. */
export interface ImportEntry {
  /** Unique within an import: a zip's entries are prefixed with the zip's path. */
  path: string;
  /** '' for a given file, the zip's path for its entries: scripts resolve within it. */
  container: string;
  /** The path inside the container. */
  relative: string;
  bytes: Uint8Array;
}

/** Only these can hold hooks; a tenant export's other files (html, images…) are skipped. */
const WANTED = new Set(['.js', '.json', '.yaml', '.yml', '.zip']);
/** Larger files are not hooks; refusing them keeps a hostile zip from filling memory. */
const MAX_ENTRY_BYTES = 5 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_ZIP_DEPTH = 3;

export function isZip(path: string, bytes: Uint8Array): boolean {
  if (extensionOf(path) === '.zip') return true;
  return hasZipSignature(bytes);
}

/** Operating-system litter inside folders and zips (macOS resource forks, Finder files). */
export function isSystemFile(path: string): boolean {
  const base = baseNameOf(path);
  return (
    base.startsWith('._') ||
    base === '.DS_Store' ||
    path.split('/').some((segment) => segment === '__MACOSX')
  );
}

/**
 * The given files with every zip replaced by its entries (zips inside zips too, a few levels
 * deep). A zip that cannot be read is a problem for that zip; the other files still count.
 */
export function expandImportFiles(files: readonly ImportFile[]): {
  entries: ImportEntry[];
  /** The paths of the zips that were opened, to tell which of them held nothing. */
  zips: string[];
  problems: ImportProblem[];
} {
  const entries: ImportEntry[] = [];
  const zips: string[] = [];
  const problems: ImportProblem[] = [];
  let total = 0;

  const add = (path: string, container: string, bytes: Uint8Array, depth: number): void => {
    const relative = container === '' ? path : path.slice(container.length + 1);
    if (!isZip(path, bytes)) {
      entries.push({ path, container, relative, bytes });
      return;
    }
    if (depth >= MAX_ZIP_DEPTH) {
      problems.push({ file: path, message: 'A zip nested this deep is not opened.' });
      return;
    }
    // Counted before anything is read: walking 20,000 entries alone blocks the page for seconds.
    const count = zipEntryCount(bytes);
    if (count !== null && count > MAX_ZIP_ENTRIES) {
      problems.push({
        file: path,
        message: `Not opened: it holds ${formatCount(count)} entries. ${overLimitText('Entries of a zip', MAX_ZIP_ENTRIES)}`,
      });
      return;
    }
    let unzipped: Record<string, Uint8Array>;
    try {
      unzipped = unzipSync(bytes, {
        filter: (file) => {
          const name = normalizePath(file.name);
          if (file.name.endsWith('/') || isSystemFile(name) || !WANTED.has(extensionOf(name))) {
            return false;
          }
          if (file.originalSize > MAX_ENTRY_BYTES || total + file.originalSize > MAX_TOTAL_BYTES) {
            problems.push({
              file: `${path}/${name}`,
              message: `Skipped: the file is too large (${file.originalSize} bytes) to be a hook.`,
            });
            return false;
          }
          total += file.originalSize;
          return true;
        },
      });
    } catch (error) {
      problems.push({ file: path, message: `Not a readable zip file: ${errorText(error)}.` });
      return;
    }
    zips.push(path);
    // Entries in the zip's own order; a zip entry cannot collide with a path outside it.
    for (const [name, entryBytes] of Object.entries(unzipped)) {
      const entryPath = normalizePath(name);
      if (entryPath !== '') add(`${path}/${entryPath}`, path, entryBytes, depth + 1);
    }
  };

  for (const file of files) {
    const path = normalizePath(file.path);
    if (path === '' || isSystemFile(path)) continue;
    add(path, '', file.bytes, 0);
  }
  return { entries, zips, problems };
}
