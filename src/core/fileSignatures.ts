// What a file is, from its first bytes rather than its name: users drop files renamed, or
// with no extension at all.

/** A zip archive's local file header: `PK\x03\x04`. */
export function hasZipSignature(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/** gzip's magic bytes: every `.tgz` starts with them. */
export function hasGzipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
