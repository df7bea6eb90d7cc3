import { describe, expect, it } from 'vitest';
import { hasGzipSignature, hasZipSignature } from './fileSignatures';

describe('file signatures', () => {
  it('tells a zip and a gzip stream by their first bytes, whatever the name', () => {
    expect(hasZipSignature(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe(true);
    expect(hasZipSignature(Uint8Array.of(0x50, 0x4b, 0x05, 0x06))).toBe(false);
    expect(hasZipSignature(Uint8Array.of(0x50, 0x4b))).toBe(false);
    expect(hasGzipSignature(Uint8Array.of(0x1f, 0x8b, 0x08))).toBe(true);
    expect(hasGzipSignature(Uint8Array.of(0x1f))).toBe(false);
    expect(hasGzipSignature(new TextEncoder().encode('{"name":"x"}'))).toBe(false);
  });
});
