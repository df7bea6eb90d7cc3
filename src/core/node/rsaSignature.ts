import { Buffer } from 'buffer/';
import type { CHash } from '@noble/hashes/utils.js';
import {
  bigIntToBytes,
  bytesToBigInt,
  encodeOutput,
  modPow,
  nodeError,
  toBytes,
} from './cryptoBytes';
import { readKey } from './keyObject';
import type { RsaPrivate, RsaPublic } from './rsaKeys';

// RSASSA-PKCS1-v1_5 signatures (RS256/384/512 in JWT terms), Node's Sign and Verify objects
// and the one-shot crypto.sign/verify. The encoded message is built and compared whole
// (RFC 8017 §8.2.2), so a signature verifies only for the digest algorithm asked for.

/** DigestInfo's DER prefix per hash (RFC 8017 §9.2, note 1). */
const DIGEST_INFO: Record<string, string> = {
  md5: '3020300c06082a864886f70d020505000410',
  sha1: '3021300906052b0e03021a05000414',
  sha224: '302d300d06096086480165030402040500041c',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

export type HashLookup = (name: string) => CHash | undefined;

/** 'RSA-SHA256', 'sha256WithRSAEncryption', 'SHA256' → 'sha256'. */
export function signatureDigest(algorithm: unknown): string | undefined {
  const name = String(algorithm)
    .toLowerCase()
    .replace(/^rsa-/, '')
    .replace(/withrsaencryption$/, '');
  return Object.hasOwn(DIGEST_INFO, name) ? name : undefined;
}

function invalidDigest(): TypeError {
  return nodeError(new TypeError('Invalid digest'), 'ERR_CRYPTO_INVALID_DIGEST');
}

function encodedMessage(digestName: string, digest: Uint8Array, length: number): Uint8Array {
  const info = Buffer.concat([Buffer.from(DIGEST_INFO[digestName]!, 'hex'), Buffer.from(digest)]);
  if (length < info.length + 11) {
    throw nodeError(
      new Error('error:1C8000A5:Provider routines::digest too big for rsa key'),
      'ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY',
    );
  }
  const padding = Buffer.alloc(length - info.length - 3, 0xff);
  return Buffer.concat([Buffer.from([0, 1]), padding, Buffer.from([0]), info]);
}

const byteLength = (n: bigint) => Math.ceil(n.toString(16).length / 2);

export function rsaSign(digestName: string, digest: Uint8Array, key: RsaPrivate): Buffer {
  const length = byteLength(key.n);
  const m = bytesToBigInt(encodedMessage(digestName, digest, length));
  // CRT (RFC 8017 §5.1.2): four times faster than m^d mod n.
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  const h = (((((m1 - m2) % key.p) + key.p) % key.p) * key.qi) % key.p;
  return Buffer.from(bigIntToBytes(m2 + h * key.q, length));
}

export function rsaVerify(
  digestName: string,
  digest: Uint8Array,
  key: RsaPublic,
  signature: Uint8Array,
): boolean {
  const length = byteLength(key.n);
  if (signature.length !== length) return false;
  const s = bytesToBigInt(signature);
  if (s >= key.n) return false;
  const actual = Buffer.from(bigIntToBytes(modPow(s, key.e, key.n), length));
  return actual.equals(Buffer.from(encodedMessage(digestName, digest, length)));
}

interface Hasher {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}

/** Node's Sign and Verify: update() chains; sign()/verify() once. */
class SignatureObject {
  #hash: Hasher;
  #digestName: string;
  #done = false;

  constructor(algorithm: unknown, hashes: HashLookup) {
    const digestName = signatureDigest(algorithm);
    const hash = digestName === undefined ? undefined : hashes(digestName);
    if (digestName === undefined || !hash) throw invalidDigest();
    this.#digestName = digestName;
    this.#hash = hash.create();
  }

  update(data: unknown, encoding?: unknown): this {
    this.#hash.update(toBytes(data, encoding));
    return this;
  }

  protected finish(): [string, Uint8Array] {
    if (this.#done) throw nodeError(new Error('Not initialised'), 'ERR_CRYPTO_INVALID_STATE');
    this.#done = true;
    return [this.#digestName, this.#hash.digest()];
  }
}

export class Sign extends SignatureObject {
  sign(key: unknown, outputEncoding?: unknown): Buffer | string {
    const rsa = readKey(key, true) as RsaPrivate;
    const [name, digest] = this.finish();
    return encodeOutput(rsaSign(name, digest, rsa), outputEncoding);
  }
}

export class Verify extends SignatureObject {
  verify(key: unknown, signature: unknown, signatureEncoding?: unknown): boolean {
    const rsa = readKey(key, false);
    const [name, digest] = this.finish();
    return rsaVerify(name, digest, rsa, toBytes(signature, signatureEncoding));
  }
}

/** crypto.sign(algorithm, data, key) and crypto.verify(algorithm, data, key, signature). */
export function oneShot(hashes: HashLookup) {
  const digestOf = (algorithm: unknown, data: unknown): [string, Uint8Array] => {
    // Node signs with SHA-256 when no algorithm is given for an RSA key.
    const name = algorithm == null ? 'sha256' : signatureDigest(algorithm);
    const hash = name === undefined ? undefined : hashes(name);
    if (name === undefined || !hash) throw invalidDigest();
    return [name, hash(toBytes(data))];
  };
  return {
    sign(algorithm: unknown, data: unknown, key: unknown): Buffer {
      const rsa = readKey(key, true) as RsaPrivate;
      const [name, digest] = digestOf(algorithm, data);
      return rsaSign(name, digest, rsa);
    },
    verify(algorithm: unknown, data: unknown, key: unknown, signature: unknown): boolean {
      const rsa = readKey(key, false);
      const [name, digest] = digestOf(algorithm, data);
      return rsaVerify(name, digest, rsa, toBytes(signature));
    },
  };
}
