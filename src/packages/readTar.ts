import { overLimitText } from '../core/inputLimits';
import { PackageError } from './packageError';
import { MAX_ARCHIVE_ENTRIES } from './packageLimits';

// A reader of the tar format as `npm pack` (node-tar) writes it: ustar headers whose long
// paths are split into `prefix` + `name`, and pax extended headers for what does not fit.
// GNU long names are read too. Hookpad reads tar itself because it must see every path as
// written, to refuse one that climbs out of the package rather than quietly rewrite it.

const BLOCK = 512;
/** Header types that describe the next entry (pax, GNU long names) rather than being one. */
const META_TYPES = new Set(['x', 'g', 'L', 'K']);

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

function octal(
  block: Uint8Array,
  start: number,
  length: number,
  field: string,
  what: string,
): number {
  if ((block[start]! & 0x80) !== 0) {
    // GNU base-256: only for sizes past 8 GiB, far over any limit.
    throw new PackageError(`${what} is damaged or too large: its ${field} field is in base-256.`);
  }
  const digits = text(block, start, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) {
    throw new PackageError(`${what} is damaged: its ${field} field is "${digits.slice(0, 12)}".`);
  }
  return parseInt(digits, 8);
}

function checksumMatches(block: Uint8Array, what: string): boolean {
  const recorded = octal(block, 148, 8, 'checksum', what);
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === recorded;
}

/** pax records: `<length> <key>=<value>\n`, the length counting the whole record. */
function paxRecords(data: Uint8Array, what: string): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space < 0 ? NaN : Number(decoder.decode(data.subarray(at, space)));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > data.length) {
      throw new PackageError(`${what} is damaged: an extended header cannot be read.`);
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
export function readTar(tar: Uint8Array, what = 'The tarball'): TarEntry[] {
  const entries: TarEntry[] = [];
  let pendingPath: string | undefined;
  let pendingSize: number | undefined;
  let at = 0;
  let headers = 0;
  for (;;) {
    if (at === tar.length) break; // no end-of-archive blocks: node-tar accepts that too
    if (at + BLOCK > tar.length)
      throw new PackageError(`${what} is truncated: a header is cut short.`);
    const block = tar.subarray(at, at + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    headers += 1;
    if (headers > MAX_ARCHIVE_ENTRIES * 2) {
      throw new PackageError(
        `${what} has too many entries. ${overLimitText('Entries', MAX_ARCHIVE_ENTRIES)}`,
      );
    }
    if (!checksumMatches(block, what)) {
      throw new PackageError(`${what} is damaged: a header checksum does not match.`);
    }
    const type = text(block, 156, 1);
    const ownSize = octal(block, 124, 12, 'size', what);
    // A pax `size` is for the entry after the extended header, never for another header.
    const size = META_TYPES.has(type) ? ownSize : (pendingSize ?? ownSize);
    const dataStart = at + BLOCK;
    if (dataStart + size > tar.length) {
      throw new PackageError(`${what} is truncated: an entry is cut short.`);
    }
    const data = tar.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      const records = paxRecords(data, what);
      pendingPath = records.get('path') ?? pendingPath;
      const paxSize = records.get('size');
      if (paxSize !== undefined) {
        if (!/^\d+$/.test(paxSize))
          throw new PackageError(`${what} is damaged: an extended header has a bad size.`);
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
        `${what} has too many entries. ${overLimitText('Entries', MAX_ARCHIVE_ENTRIES)}`,
      );
    }
  }
  return entries;
}
