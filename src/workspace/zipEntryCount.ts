/** The End of Central Directory record's signature, "PK\5\6". */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
/** The record ends with a comment of at most 65,535 bytes. */
const MAX_COMMENT = 0xffff;

/**
 * The number of entries a zip declares in its End of Central Directory record, read without
 * inflating or walking anything, so a zip of too many entries is refused at once
 * (docs/runtime-semantics.md §16.1). An archive of 65,535 entries or more declares 0xFFFF
 * here (ZIP64), which is over our limit anyway. Null when there is no such record (not a zip, or a damaged one).
 */
export function zipEntryCount(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      // Entries on this disk (offset 8) and in total (offset 10): take the larger.
      return Math.max(view.getUint16(at + 8, true), view.getUint16(at + 10, true));
    }
  }
  return null;
}
