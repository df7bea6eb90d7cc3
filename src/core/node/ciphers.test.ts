import { describe, expect, test } from 'vitest';
import * as node from 'node:crypto';
import { createCryptoModule } from './createCryptoModule';

// Node's own ciphers are the oracle: same key, IV and text give the same bytes and tags.

type Cipher = {
  update(d: unknown, i?: string, o?: string): unknown;
  final(o?: string): unknown;
  setAAD(d: unknown): Cipher;
  getAuthTag(): Uint8Array;
  setAuthTag(t: unknown): Cipher;
  setAutoPadding(p: boolean): Cipher;
};
const hookpad = createCryptoModule({ defer: (callback) => callback() }) as {
  createCipheriv(a: string, k: unknown, iv: unknown): Cipher;
  createDecipheriv(a: string, k: unknown, iv: unknown): Cipher;
  getCiphers(): string[];
};
const hex = (parts: unknown[]) =>
  Buffer.concat(parts.map((p) => Buffer.from(p as Uint8Array))).toString('hex');
const TEXT = 'The quick brown fox jumps over the lazy dog, twice over for good measure.';

describe('createCipheriv / createDecipheriv', () => {
  test.each(['aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-128-ctr', 'aes-256-ctr'])(
    '%s encrypts as Node does and decrypts Node’s output',
    (algorithm) => {
      const bits = Number(algorithm.split('-')[1]);
      const key = node.randomBytes(bits / 8);
      const iv = node.randomBytes(16);
      const ours = hookpad.createCipheriv(algorithm, key, iv);
      const encrypted = hex([
        ours.update(TEXT.slice(0, 20), 'utf8'),
        ours.update(TEXT.slice(20)),
        ours.final(),
      ]);
      const theirs = node.createCipheriv(algorithm, key, iv);
      expect(encrypted).toBe(theirs.update(TEXT, 'utf8', 'hex') + theirs.final('hex'));
      const decipher = hookpad.createDecipheriv(algorithm, key, iv);
      const text =
        (decipher.update(encrypted, 'hex', 'utf8') as string) + (decipher.final('utf8') as string);
      expect(text).toBe(TEXT);
    },
  );

  test('aes-256-gcm: the same ciphertext and tag as Node, with AAD; a wrong tag fails like Node', () => {
    const key = node.randomBytes(32);
    const iv = node.randomBytes(12);
    const ours = hookpad.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from('header'));
    const encrypted = hex([ours.update(TEXT), ours.final()]);
    const tag = Buffer.from(ours.getAuthTag());
    const theirs = node.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from('header'));
    expect(encrypted).toBe(theirs.update(TEXT, 'utf8', 'hex') + theirs.final('hex'));
    expect(tag.toString('hex')).toBe(theirs.getAuthTag().toString('hex'));

    const decipher = hookpad.createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from('header'));
    const first = decipher.update(encrypted, 'hex', 'utf8') as string;
    decipher.setAuthTag(tag);
    expect(first + (decipher.final('utf8') as string)).toBe(TEXT);

    const bad = hookpad.createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from('header'));
    bad.update(encrypted, 'hex');
    bad.setAuthTag(Buffer.alloc(16));
    expect(() => bad.final()).toThrow('Unsupported state or unable to authenticate data');
  });

  test('padding: a wrong key is "bad decrypt"; without auto padding, blocks must be whole', () => {
    const key = Buffer.alloc(16, 1);
    const iv = Buffer.alloc(16, 2);
    const cipher = node.createCipheriv('aes-128-cbc', key, iv);
    const encrypted = Buffer.concat([cipher.update(TEXT), cipher.final()]);
    const wrong = hookpad.createDecipheriv('aes-128-cbc', Buffer.alloc(16, 9), iv);
    wrong.update(encrypted);
    expect(() => wrong.final()).toThrow('error:1C800064:Provider routines::bad decrypt');
    const raw = hookpad.createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
    raw.update('exactly16bytes!!');
    expect(hex([raw.final()])).toBe('');
    const short = hookpad.createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
    short.update('short');
    expect(() => short.final()).toThrow(
      'error:1C80006B:Provider routines::wrong final block length',
    );
  });

  test('argument errors like Node', () => {
    expect(() => hookpad.createCipheriv('aes-256-cbc', Buffer.alloc(16), Buffer.alloc(16))).toThrow(
      expect.objectContaining({ name: 'RangeError', message: 'Invalid key length' }) as Error,
    );
    expect(() => hookpad.createCipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(8))).toThrow(
      expect.objectContaining({
        name: 'TypeError',
        message: 'Invalid initialization vector',
      }) as Error,
    );
    expect(() => hookpad.createCipheriv('aes-999-cbc', Buffer.alloc(32), Buffer.alloc(16))).toThrow(
      expect.objectContaining({
        message: 'Unknown cipher',
        code: 'ERR_CRYPTO_UNKNOWN_CIPHER',
      }) as Error,
    );
    const cipher = hookpad.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12));
    expect(() => cipher.getAuthTag()).toThrow('Invalid state for operation getAuthTag');
    expect(hookpad.getCiphers()).toContain('aes-256-gcm');
  });
});
