// How an http/https response body is cut into 'data' chunks (docs/runtime-semantics.md §12).
// Node reads a socket (and a TLS record) 16 KiB at a time, so a small body arrives in one
// chunk and a larger one in 16 KiB pieces; an HTTP mock may ask for N chunks instead, to show
// whether a hook collects its chunks before parsing them.

/** Node's highWaterMark for sockets: the most one 'data' chunk carries by default. */
export const NODE_CHUNK_BYTES = 16 * 1024;

/**
 * The end offsets of the chunks: 16 KiB each, or `count` chunks of near-equal size (never
 * more chunks than bytes). `keepUtf8`: with an encoding set, Node's StringDecoder never
 * splits a character, so no boundary falls inside one.
 */
export function chunkBoundaries(bytes: Uint8Array, keepUtf8: boolean, count?: number): number[] {
  const length = bytes.byteLength;
  if (length === 0) return [];
  const targets: number[] = [];
  if (count === undefined) {
    for (let end = NODE_CHUNK_BYTES; end < length; end += NODE_CHUNK_BYTES) targets.push(end);
  } else {
    const pieces = Math.max(1, Math.min(Math.floor(count), length));
    for (let index = 1; index < pieces; index++) {
      targets.push(Math.round((index * length) / pieces));
    }
  }
  const ends: number[] = [];
  let start = 0;
  for (const target of targets) {
    let end = target;
    if (keepUtf8) {
      while (end > start + 1 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    }
    if (end <= start) continue;
    ends.push(end);
    start = end;
  }
  ends.push(length);
  return ends;
}
