import { gzipSync, strToU8 } from 'fflate';
import { createTar } from 'nanotar';

/** An `npm pack`-like .tgz of the given files (each under `top`, `package/` by default), made with nanotar. */
export function packTarball(
  files: Record<string, string | Uint8Array>,
  top = 'package/',
): Uint8Array {
  // A fixed mtime (npm pack writes 1985-10-26), so the same files always give the same bytes.
  const attrs = { mtime: 499_162_500_000 };
  return gzipSync(
    createTar(
      Object.entries(files).map(([path, data]) => ({ name: `${top}${path}`, data, attrs })),
    ),
  );
}

/** A package.json's text. */
export function manifest(
  name: string,
  version: string,
  more: Record<string, unknown> = {},
): string {
  return JSON.stringify({ name, version, ...more });
}

// A tar writer for the header forms nanotar does not write (node-tar's ustar prefix for long
// paths, pax extended headers, GNU long names) and for hostile archives.

export interface RawEntry {
  name: string;
  data?: Uint8Array | string;
  /** Tar type flag: '0' file (default), '5' directory, '2' symlink, 'x' pax, 'L' GNU long name. */
  type?: string;
  /** The ustar prefix field (the folder part of a long path). */
  prefix?: string;
  /** Overrides the size field (to write a header that lies). */
  size?: number;
}

function writeField(block: Uint8Array, text: string, at: number, length: number): void {
  block.set(strToU8(text).subarray(0, length), at);
}

function octalField(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

export function rawHeader(entry: RawEntry, size: number): Uint8Array {
  const block = new Uint8Array(512);
  writeField(block, entry.name, 0, 100);
  writeField(block, octalField(0o644, 8), 100, 8);
  writeField(block, octalField(0, 8), 108, 8);
  writeField(block, octalField(0, 8), 116, 8);
  writeField(block, octalField(entry.size ?? size, 12), 124, 12);
  writeField(block, octalField(0, 12), 136, 12);
  writeField(block, entry.type ?? '0', 156, 1);
  writeField(block, 'ustar\0', 257, 6);
  writeField(block, '00', 263, 2);
  if (entry.prefix !== undefined) writeField(block, entry.prefix, 345, 155);
  writeField(block, '        ', 148, 8);
  const sum = block.reduce((total, byte) => total + byte, 0);
  writeField(block, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}

/** A pax extended header's data: `<length> <key>=<value>\n` records. */
export function paxData(records: Record<string, string>): string {
  return Object.entries(records)
    .map(([key, value]) => {
      const body = ` ${key}=${value}\n`;
      let length = body.length + 1;
      while (`${length}${body}`.length !== length) length += 1;
      return `${length}${body}`;
    })
    .join('');
}

/** An uncompressed tar of raw entries, ended by two zero blocks. */
export function rawTar(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string' ? strToU8(entry.data) : (entry.data ?? new Uint8Array(0));
    parts.push(rawHeader(entry, data.length));
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    parts.push(padded);
  }
  parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function rawTarball(entries: readonly RawEntry[]): Uint8Array {
  return gzipSync(rawTar(entries));
}
