import { describe, expect, test } from 'vitest';
import * as node from 'node:crypto';
import { createCryptoModule } from './createCryptoModule';

// Keys made by Node read in Hookpad and back, exported byte for byte as Node exports them.

type Key = {
  type: string;
  asymmetricKeyType?: string;
  asymmetricKeyDetails?: { modulusLength: number; publicExponent: bigint };
  export(options?: object): unknown;
  equals(other: unknown): boolean;
};
const hookpad = createCryptoModule({ defer: (callback) => callback() }) as {
  createPublicKey(input: unknown): Key;
  createPrivateKey(input: unknown): Key;
  createSecretKey(input: unknown): Key;
  generateKeyPairSync(type: string, options: object): { publicKey: unknown; privateKey: unknown };
  generateKeyPair(type: string, options: object, cb: (...args: unknown[]) => void): void;
  KeyObject: new (...args: unknown[]) => Key;
};

const pair = node.generateKeyPairSync('rsa', { modulusLength: 1024 });
const asText = (value: unknown) => Buffer.from(value as Uint8Array).toString('hex');

describe('KeyObject', () => {
  test('a PEM public key reads, describes itself and exports as Node does', () => {
    const pem = pair.publicKey.export({ type: 'spki', format: 'pem' });
    const key = hookpad.createPublicKey(pem);
    expect(key).toBeInstanceOf(hookpad.KeyObject);
    expect([key.type, key.asymmetricKeyType]).toEqual(['public', 'rsa']);
    expect(key.asymmetricKeyDetails).toEqual({ modulusLength: 1024, publicExponent: 65537n });
    expect(key.export({ type: 'spki', format: 'pem' })).toBe(pem);
    expect(key.export({ type: 'pkcs1', format: 'pem' })).toBe(
      pair.publicKey.export({ type: 'pkcs1', format: 'pem' }),
    );
    expect(asText(key.export({ type: 'spki', format: 'der' }))).toBe(
      asText(pair.publicKey.export({ type: 'spki', format: 'der' })),
    );
    expect(key.export({ format: 'jwk' })).toEqual(pair.publicKey.export({ format: 'jwk' }));
  });

  test('a private key reads from PKCS#8, PKCS#1, DER and JWK; its public half matches', () => {
    const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'pem' });
    const key = hookpad.createPrivateKey(pkcs8);
    expect(key.type).toBe('private');
    expect(key.export({ type: 'pkcs8', format: 'pem' })).toBe(pkcs8);
    const pkcs1 = pair.privateKey.export({ type: 'pkcs1', format: 'pem' });
    expect(hookpad.createPrivateKey(pkcs1).export({ type: 'pkcs1', format: 'pem' })).toBe(pkcs1);
    const der = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(hookpad.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).equals(key)).toBe(
      true,
    );
    const jwk = pair.privateKey.export({ format: 'jwk' });
    expect(hookpad.createPrivateKey({ key: jwk, format: 'jwk' }).export({ format: 'jwk' })).toEqual(
      jwk,
    );
    expect(hookpad.createPublicKey(key).export({ type: 'spki', format: 'pem' })).toBe(
      pair.publicKey.export({ type: 'spki', format: 'pem' }),
    );
  });

  test('errors like Node: unreadable input, a public key where a private one is needed, no options', () => {
    const unreadable = {
      message: 'error:1E08010C:DECODER routines::unsupported',
      code: 'ERR_OSSL_UNSUPPORTED',
    };
    expect(() => hookpad.createPublicKey('garbage')).toThrow(
      expect.objectContaining(unreadable) as Error,
    );
    expect(() => node.createPublicKey('garbage')).toThrow(
      expect.objectContaining(unreadable) as Error,
    );
    const publicKey = hookpad.createPublicKey(
      pair.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    expect(() => hookpad.createPrivateKey(publicKey)).toThrow(
      'Invalid key object type public, expected private.',
    );
    expect(() => publicKey.export()).toThrow(
      'The "options" argument must be of type object. Received undefined',
    );
  });

  test('secret keys', () => {
    const key = hookpad.createSecretKey(Buffer.from('s3cret'));
    expect(key.type).toBe('secret');
    expect(Buffer.from(key.export() as Uint8Array).toString()).toBe('s3cret');
    expect(key.export({ format: 'jwk' })).toEqual(
      node.createSecretKey(Buffer.from('s3cret')).export({ format: 'jwk' }),
    );
  });

  test('generateKeyPairSync gives encoded keys Node reads, or KeyObjects', () => {
    const { publicKey, privateKey } = hookpad.generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const signature = node.sign('sha256', Buffer.from('x'), privateKey as string);
    expect(node.verify('sha256', Buffer.from('x'), publicKey as string, signature)).toBe(true);
    expect(node.createPublicKey(publicKey as string).asymmetricKeyDetails?.modulusLength).toBe(
      1024,
    );
    const objects = hookpad.generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect((objects.privateKey as Key).type).toBe('private');
    expect(() => hookpad.generateKeyPairSync('foo', {})).toThrow(
      "The argument 'type' must be a supported key type. Received 'foo'",
    );
    let called: unknown[] = [];
    hookpad.generateKeyPair('rsa', { modulusLength: 1024 }, (...args) => (called = args));
    expect(called[0]).toBeNull();
    expect((called[1] as Key).type).toBe('public');
  });
});
