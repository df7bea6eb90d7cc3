import { describe, expect, test } from 'vitest';
import { Buffer } from 'buffer/';
import { createCryptoModule } from './createCryptoModule';

type Digest = { update(d: unknown, e?: string): Digest; digest(e?: string): unknown };
const pending: (() => void)[] = [];
const crypto = createCryptoModule({ defer: (callback) => pending.push(callback) }) as {
  createHash(a: string): Digest;
  createHmac(a: string, k: unknown): Digest;
  createSecretKey(k: unknown): unknown;
  generateKeyPairSync(t: string, o: object): { publicKey: unknown };
  randomBytes(n: number, cb?: (e: unknown, b: Buffer) => void): Buffer | undefined;
  randomUUID(): string;
  randomInt(a: number, b?: number): number;
  timingSafeEqual(a: unknown, b: unknown): boolean;
  pbkdf2Sync(p: string, s: string, i: number, l: number, d: string): Buffer;
  pbkdf2(p: string, s: string, i: number, l: number, d: string, cb?: unknown): void;
  getHashes(): string[];
  constants: Record<string, number>;
};

// Expected values are the standard test vectors (FIPS 180, RFC 1321, RFC 4231, RFC 6070),
// which Node's own crypto gives too.
describe('crypto', () => {
  test.each([
    ['md5', '900150983cd24fb0d6963f7d28e17f72'],
    ['sha1', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['sha256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'sha512',
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    ],
  ])('%s of "abc"', (algorithm, hex) => {
    expect(crypto.createHash(algorithm).update('abc').digest('hex')).toBe(hex);
  });

  test('update chains, takes encodings and Buffers; digest gives a Buffer or an encoding', () => {
    const hash = crypto
      .createHash('SHA256')
      .update('a')
      .update(Buffer.from('b'))
      .update('63', 'hex');
    const digest = hash.digest() as Buffer;
    expect(Buffer.isBuffer(digest)).toBe(true);
    expect(digest.toString('base64')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
    expect(() => hash.digest()).toThrow('Digest already called');
    expect(crypto.createHash('md5').update('abc', 'latin1').digest('latin1')).toHaveLength(16);
  });

  test('an unknown algorithm fails like Node', () => {
    expect(() => crypto.createHash('whirlpool')).toThrow('Digest method not supported');
  });

  test('HMAC (RFC 4231 test case 2)', () => {
    expect(
      crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'),
    ).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  test("HMAC takes a secret KeyObject as Node does, and refuses the other key types with Node's error", () => {
    const key = crypto.createSecretKey(Buffer.from('Jefe'));
    expect(
      crypto.createHmac('sha256', key).update('what do ya want for nothing?').digest('hex'),
    ).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 512 });
    expect(() => crypto.createHmac('sha256', publicKey)).toThrow(
      expect.objectContaining({
        name: 'TypeError',
        code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
        message: 'Invalid key object type public, expected secret.',
      }),
    );
  });

  test('pbkdf2 calls back later with the same key, and wants its callback as Node does', () => {
    const keys: string[] = [];
    crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', (error: unknown, key: Buffer) => {
      expect(error).toBeNull();
      keys.push(key.toString('hex'));
    });
    expect(keys).toEqual([]);
    for (const callback of pending.splice(0)) callback();
    expect(keys).toEqual(['ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957']);
    expect(() => crypto.pbkdf2('p', 's', 1, 20, 'sha1')).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_ARG_TYPE',
        message: 'The "callback" argument must be of type function. Received undefined',
      }),
    );
  });

  test("constants has Node's RSA padding and PSS salt-length values", () => {
    expect(crypto.constants).toMatchObject({
      RSA_PKCS1_PADDING: 1,
      RSA_NO_PADDING: 3,
      RSA_PKCS1_OAEP_PADDING: 4,
      RSA_PKCS1_PSS_PADDING: 6,
      RSA_PSS_SALTLEN_DIGEST: -1,
      RSA_PSS_SALTLEN_MAX_SIGN: -2,
      RSA_PSS_SALTLEN_AUTO: -2,
      POINT_CONVERSION_UNCOMPRESSED: 4,
    });
  });

  test('pbkdf2Sync (RFC 6070, sha1, 2 iterations)', () => {
    expect(crypto.pbkdf2Sync('password', 'salt', 2, 20, 'sha1').toString('hex')).toBe(
      'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957',
    );
  });

  test('randomBytes: sync, or async through the callback; large sizes too', () => {
    expect(crypto.randomBytes(100_000)!.length).toBe(100_000);
    let got: Buffer | undefined;
    expect(crypto.randomBytes(8, (_e, bytes) => (got = bytes))).toBeUndefined();
    expect(got).toBeUndefined();
    pending.shift()!();
    expect(got?.length).toBe(8);
    expect(() => crypto.randomBytes(-1)).toThrow(RangeError);
  });

  test('randomUUID is a version 4 UUID; randomInt stays in range', () => {
    expect(crypto.randomUUID()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    for (let i = 0; i < 50; i++) {
      const n = crypto.randomInt(3, 6);
      expect(n >= 3 && n < 6 && Number.isInteger(n)).toBe(true);
    }
  });

  test('timingSafeEqual', () => {
    expect(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(() => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))).toThrow(
      'Input buffers must have the same byte length',
    );
  });
});
