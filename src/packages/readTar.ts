import { PackageError } from './packageError';
import { MAX_ARCHIVE_ENTRIES, overLimit } from './packageLimits';

// A reader of the tar format as `npm pack` (node-tar) writes it: ustar headers whose long
// paths are split into `prefix` + `name`, and pax extended headers for what does not fit.
// GNU long names are read too. Hookpad reads tar itself because it must see every path as
// written, to refuse one that climbs out of the package rather than quietly rewrite it.

const BLOCK = 512;

export interface TarEntry {
  /** The path exactly as the archive gives it (pax `path`, GNU long name, or prefix/name). */
  path: string;
  kind: 'file' | 'directory' | 'link' | 'other';
  data: Uint8Array;
}

const decoder = new TextDecoder();

function text(block: Uint8Array, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

function octal(block: Uint8Array, start: number, length: number, what: string): number {
  if ((block[start]! & 0x80) !== 0) {
    // GNU base-256: only for sizes past 8 GiB, far over any limit.
    throw new PackageError(`The tarball's ${what} field is too large to be a package.`);
  }
  const digits = text(block, start, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits))
    throw new PackageError(`The tarball is damaged: its ${what} field is "${digits}".`);
  return parseInt(digits, 8);
}

function checksumMatches(block: Uint8Array): boolean {
  const recorded = octal(block, 148, 8, 'checksum');
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === recorded;
}

/** pax records: `<length> <key>=<value>\n`, the length counting the whole record. */
function paxRecords(data: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space < 0 ? NaN : Number(decoder.decode(data.subarray(at, space)));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > data.length) {
      throw new PackageError('The tarball is damaged: an extended header cannot be read.');
    }
    const record = decoder.decode(data.subarray(space + 1, at + length)).replace(/\n$/, '');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

function kindOf(type: string): TarEntry['kind'] {
  if (type === '0' || type === '' || type === '7') return 'file';
  if (type === '5') return 'directory';
  if (type === '1' || type === '2') return 'link';
  return 'other';
}

/** The entries of an uncompressed tar archive. Throws a PackageError when it is damaged or truncated. */
export function readTar(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let pendingPath: string | undefined;
  let pendingSize: number | undefined;
  let at = 0;
  let headers = 0;
  for (;;) {
    if (at === tar.length) break; // no end-of-archive blocks: node-tar accepts that too
    if (at + BLOCK > tar.length)
      throw new PackageError('The tarball is truncated: a header is cut short.');
    const block = tar.subarray(at, at + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    headers += 1;
    if (headers > MAX_ARCHIVE_ENTRIES * 2) {
      throw new PackageError(
        `The tarball has too many entries. ${overLimit('Entries', MAX_ARCHIVE_ENTRIES)}.`,
      );
    }
    if (!checksumMatches(block))
      throw new PackageError('The tarball is damaged: a header checksum does not match.');
    const type = text(block, 156, 1);
    const size = pendingSize ?? octal(block, 124, 12, 'size');
    const dataStart = at + BLOCK;
    if (dataStart + size > tar.length) {
      throw new PackageError('The tarball is truncated: an entry is cut short.');
    }
    const data = tar.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      const records = paxRecords(data);
      pendingPath = records.get('path') ?? pendingPath;
      const paxSize = records.get('size');
      if (paxSize !== undefined) {
        if (!/^\d+$/.test(paxSize))
          throw new PackageError('The tarball is damaged: an extended header has a bad size.');
        pendingSize = Number(paxSize);
      }
      continue;
    }
    if (type === 'L') {
      pendingPath = text(data, 0, data.length);
      continue;
    }
    if (type === 'g' || type === 'K') continue; // global headers and long link targets: nothing a package needs
    const magic = text(block, 257, 6);
    // Only POSIX ustar has a prefix field; GNU tar (magic "ustar ") keeps times there.
    const prefix = magic === 'ustar' ? text(block, 345, 155) : '';
    const name = text(block, 0, 100);
    const path = pendingPath ?? (prefix === '' ? name : `${prefix}/${name}`);
    pendingPath = undefined;
    pendingSize = undefined;
    entries.push({ path, kind: kindOf(type), data });
    if (entries.length > MAX_ARCHIVE_ENTRIES) {
      throw new PackageError(
        `The tarball has too many entries. ${overLimit('Entries', MAX_ARCHIVE_ENTRIES)}.`,
      );
    }
  }
  return entries;
}
