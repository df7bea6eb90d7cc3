import { describe, expect, test } from 'vitest';
import * as node from 'node:crypto';
import { createCryptoModule } from './createCryptoModule';

// A self-signed certificate (openssl req -x509 -newkey rsa:1024) and its key, as a JWKS x5c gives it.
const CERTIFICATE_KEY = node.createPrivateKey(`-----BEGIN PRIVATE KEY-----
MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBAL85JVpzQc0CjLQ9
4UHe/josP6YsJjOlIvpLVW8creLAE2Kdq7PWPaPvPspp0FdzzBI9Pce4c5Q7DEM2
9tdJduaRFGNQC7696z3jMya7z+HXwyQhQd3hOKEGrcoGLpiQSQ6cU1W8u8ADC3ic
Sl8oCGlOlM07ySsAnywr8t36EvkzAgMBAAECgYBQsQWhKHfA0e2b9WzDhhzTYW6u
aXzpWCrtYbK4g2qg/5puh8g3yBUUw1VExugCrzuTCsKyL5SeHVisWFpLOJXyNM+d
Di1c6I7MoB7gMp6kv/WPCXrjHGcdSO8DHZEBnUuvxF51wXMCrtIy2zll8qc1M2b0
tJuAAV2V4mYUbscDMQJBAOC/+ahvuaxG9Kb/2OdXyq9mBdXRjPol/460J377XK+D
WBcPPf1sgfOhwCN/zRx+rB/q8Y5BMMdj3S293of1z5sCQQDZz8fmvNzPsrwDLFSj
cimg/zwXo0K35b8xMaqhv3JchnW7HIJQUj/sIs5s4nFGbdlpBIT0L/Kf9/1uMpCY
c7JJAkApCuXMnJqLm2mSFabGmIGrBjaKlXnpNIc2yC9uQPjsFFBB5casQOR6WU99
LBmI2pkUOxNhpwYBY3tAnyvEKF+BAkARl1twwj4fNDNFGlZ3oOfFzfdffVsNGSwY
4AcE6z5kRKPLieDodcwd2S3M03kMlCCj/65xPlIdI10/giv1dBqpAkB0dViMVrlJ
vxDkxigTOlYMF0aRIbP8uXoLZ5Jjbd4RB/kXXlUzXrYAb3mvq5Q+OC2blsbw0OZq
O54iqpkjlw4H
-----END PRIVATE KEY-----`);
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIICCjCCAXOgAwIBAgIUb45YmcqUKWQzLY+0dBnilGUryn4wDQYJKoZIhvcNAQEL
BQAwFzEVMBMGA1UEAwwMaG9va3BhZC50ZXN0MB4XDTI2MTIwNTA1NTM1OVoXDTM2
MTIwMjA1NTM1OVowFzEVMBMGA1UEAwwMaG9va3BhZC50ZXN0MIGfMA0GCSqGSIb3
DQEBAQUAA4GNADCBiQKBgQC/OSVac0HNAoy0PeFB3v46LD+mLCYzpSL6S1VvHK3i
wBNinauz1j2j7z7KadBXc8wSPT3HuHOUOwxDNvbXSXbmkRRjUAu+ves94zMmu8/h
18MkIUHd4TihBq3KBi6YkEkOnFNVvLvAAwt4nEpfKAhpTpTNO8krAJ8sK/Ld+hL5
MwIDAQABo1MwUTAdBgNVHQ4EFgQUUjqDh+QPzX2li/cx/IMU7BuuqYYwHwYDVR0j
BBgwFoAUUjqDh+QPzX2li/cx/IMU7BuuqYYwDwYDVR0TAQH/BAUwAwEB/zANBgkq
hkiG9w0BAQsFAAOBgQCFBrrxmFZOAreM9SObRWRmFKbOWr0nmurmU1A47FMA7hzw
n88vIm44u2zeeKTsJulw2h99KD0qNm1zPnJ6tf/VCa00nt9L2mBJNTGJU0YMtCDe
awcb+7nhs2BsF9l3gdViIoNETPAsJuygAOglhL8u0qjo3QMZLfmdNVyrVac/HQ==
-----END CERTIFICATE-----`;

// Node's own crypto is the oracle: what one signs, the other verifies, and keys travel both ways.

type Signer = { update(d: unknown, e?: string): Signer; sign(k: unknown, e?: string): unknown };
type Verifier = {
  update(d: unknown, e?: string): Verifier;
  verify(k: unknown, s: unknown, e?: string): boolean;
};
const hookpad = createCryptoModule({ defer: (callback) => callback() }) as {
  createSign(a: string): Signer;
  createVerify(a: string): Verifier;
  sign(a: string | null, d: unknown, k: unknown): Buffer;
  verify(a: string | null, d: unknown, k: unknown, s: unknown): boolean;
};

const { publicKey, privateKey } = node.generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

/** An RS256 JWT signed by Node, as jsonwebtoken would make it. */
function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  const signature = node.sign('sha256', Buffer.from(input), privateKey).toString('base64url');
  return `${input}.${signature}`;
}

/** What a hook does to check one: createVerify over header.payload, base64url signature. */
function verifyJwt(token: string, key: unknown): boolean {
  const [header, payload, signature] = token.split('.');
  return hookpad
    .createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(key, Buffer.from(signature!, 'base64url'));
}

describe('RSA signatures (PKCS#1 v1.5)', () => {
  test('an RS256 JWT Node signed verifies with the PEM public key; a tampered one does not', () => {
    const token = jwt({ sub: 'auth0|1', role: 'admin' });
    expect(verifyJwt(token, publicPem)).toBe(true);
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'auth0|1', role: 'root' })).toString(
      'base64url',
    );
    expect(verifyJwt(`${h}.${forged}.${s}`, publicPem)).toBe(false);
    expect(verifyJwt(`${h}.${forged}.AAAA`, publicPem)).toBe(false);
  });

  test.each(['RSA-SHA256', 'RSA-SHA384', 'RSA-SHA512', 'sha256', 'SHA1'])(
    '%s: Hookpad signs what Node verifies and verifies what Node signs',
    (algorithm) => {
      const ours = hookpad
        .createSign(algorithm)
        .update('hello ')
        .update('world')
        .sign(privatePem, 'base64');
      expect(node.createSign(algorithm).update('hello world').sign(privateKey, 'base64')).toBe(
        ours,
      );
      expect(
        node.verify(
          algorithm,
          Buffer.from('hello world'),
          publicKey,
          Buffer.from(ours as string, 'base64'),
        ),
      ).toBe(true);
      const theirs = node.createSign(algorithm).update('hello world').sign(privateKey, 'hex');
      expect(
        hookpad.createVerify(algorithm).update('hello world').verify(publicPem, theirs, 'hex'),
      ).toBe(true);
    },
  );

  test('a signature made with one digest does not verify with another', () => {
    const signature = node.sign('sha256', Buffer.from('x'), privateKey);
    expect(hookpad.verify('sha512', 'x', publicPem, signature)).toBe(false);
    expect(hookpad.verify('sha256', 'x', publicPem, signature)).toBe(true);
    expect(hookpad.verify(null, 'x', privatePem, signature)).toBe(true);
    expect(Buffer.from(hookpad.sign(null, 'x', privatePem)).equals(signature)).toBe(true);
  });

  test('a certificate, a PKCS#1 key and a KeyObject verify too', () => {
    const signature = node.sign('sha256', Buffer.from('x'), privateKey);
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' });
    expect(hookpad.verify('sha256', 'x', pkcs1, signature)).toBe(true);
    expect(
      hookpad.verify(
        'sha256',
        'x',
        { key: publicKey.export({ format: 'jwk' }), format: 'jwk' },
        signature,
      ),
    ).toBe(true);
    expect(
      hookpad.verify(
        'sha256',
        'x',
        CERTIFICATE,
        node.sign('sha256', Buffer.from('x'), CERTIFICATE_KEY),
      ),
    ).toBe(true);
  });

  test('errors like Node: a bad digest, an unreadable key, a public key to sign with', () => {
    expect(() => hookpad.createSign('foo')).toThrow(
      expect.objectContaining({
        name: 'TypeError',
        message: 'Invalid digest',
        code: 'ERR_CRYPTO_INVALID_DIGEST',
      }) as Error,
    );
    const unreadable = {
      message: 'error:1E08010C:DECODER routines::unsupported',
      code: 'ERR_OSSL_UNSUPPORTED',
    };
    expect(() =>
      hookpad.createVerify('RSA-SHA256').update('x').verify('not a key', 'aa', 'base64'),
    ).toThrow(expect.objectContaining(unreadable) as Error);
    expect(() =>
      node.createVerify('RSA-SHA256').update('x').verify('not a key', 'aa', 'base64'),
    ).toThrow(expect.objectContaining(unreadable) as Error);
    expect(() => hookpad.createSign('RSA-SHA256').update('x').sign(publicPem)).toThrow(
      expect.objectContaining(unreadable) as Error,
    );
    expect(
      hookpad.createVerify('RSA-SHA256').update('x').verify(publicPem, Buffer.alloc(256)),
    ).toBe(false);
  });
});
