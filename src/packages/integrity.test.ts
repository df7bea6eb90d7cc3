import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeIntegrity, filesIntegrity, verifyIntegrity } from './integrity';
import { packageRecordSchema } from './packageRecord';

const bytes = new TextEncoder().encode('module.exports = 42;\n');
// Expected values come from Node's own crypto, independent of the SubtleCrypto code under test.
const sri = (algorithm: string, data: Uint8Array = bytes) =>
  `${algorithm}-${createHash(algorithm).update(data).digest('base64')}`;
const other = new TextEncoder().encode('module.exports = 43;\n');

describe('verifyIntegrity', () => {
  it('passes bytes whose sha512 matches the SRI string', async () => {
    await expect(verifyIntegrity(bytes, sri('sha512'), 'answer@1.0.0')).resolves.toBeUndefined();
  });

  it('refuses a mismatch, naming the package, the expected and the actual hash', async () => {
    const expected = sri('sha512', other);
    const error = await verifyIntegrity(bytes, expected, 'answer@1.0.0').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('answer@1.0.0');
    expect(message).toContain(`expected ${expected}`);
    expect(message).toContain(`got ${sri('sha512')}`);
  });

  it('passes when any of several strong hashes matches', async () => {
    await expect(
      verifyIntegrity(bytes, `${sri('sha512', other)} ${sri('sha256')}`, 'p@1.0.0'),
    ).resolves.toBeUndefined();
    await expect(
      verifyIntegrity(bytes, `  ${sri('sha384')}\n${sri('sha512', other)} `, 'p@1.0.0'),
    ).resolves.toBeUndefined();
  });

  it('does not let a matching sha1 stand in for a failing strong hash', async () => {
    await expect(
      verifyIntegrity(bytes, `${sri('sha1')} ${sri('sha512', other)}`, 'p@1.0.0'),
    ).rejects.toThrow(/Integrity check failed for p@1\.0\.0/);
  });

  it('accepts sha1 when nothing stronger is given, as SRI and as a legacy hex shasum', async () => {
    await expect(verifyIntegrity(bytes, sri('sha1'), 'old@0.1.0')).resolves.toBeUndefined();
    const hex = createHash('sha1').update(bytes).digest('hex');
    await expect(verifyIntegrity(bytes, hex, 'old@0.1.0')).resolves.toBeUndefined();
    await expect(verifyIntegrity(bytes, hex.toUpperCase(), 'old@0.1.0')).resolves.toBeUndefined();
    const otherHex = createHash('sha1').update(other).digest('hex');
    await expect(verifyIntegrity(bytes, otherHex, 'old@0.1.0')).rejects.toThrow(
      /old@0\.1\.0.*expected sha1-/,
    );
  });

  it('ignores SRI options and unknown algorithms, and refuses a string with no usable hash', async () => {
    await expect(
      verifyIntegrity(bytes, `md5-abc ${sri('sha512')}?opt`, 'p@1.0.0'),
    ).resolves.toBeUndefined();
    await expect(verifyIntegrity(bytes, 'md5-abc', 'p@1.0.0')).rejects.toThrow(
      /Cannot verify p@1\.0\.0.*no hash/,
    );
    await expect(verifyIntegrity(bytes, '', 'p@1.0.0')).rejects.toThrow(/Cannot verify/);
  });
});

describe('computeIntegrity and filesIntegrity', () => {
  it('computes the sha512 SRI string a package record holds', async () => {
    const integrity = await computeIntegrity(bytes);
    expect(integrity).toBe(sri('sha512'));
    expect(packageRecordSchema.shape.integrity.safeParse(integrity).success).toBe(true);
  });

  it('digests files the same whatever their order, and differently when a file changes', async () => {
    const a = await filesIntegrity({ 'package.json': '{}', 'index.js': 'x' });
    expect(await filesIntegrity({ 'index.js': 'x', 'package.json': '{}' })).toBe(a);
    expect(await filesIntegrity({ 'index.js': 'y', 'package.json': '{}' })).not.toBe(a);
  });
});
