import { Buffer } from 'buffer/';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { nodeError, toBytes } from './cryptoBytes';
import { CIPHERS, Cipheriv, Decipheriv } from './ciphers';
import {
  KeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  secretKeyBytes,
} from './keyObject';
import { Sign, Verify, oneShot } from './rsaSignature';
import { generateKeyPair, generateKeyPairSync } from './generateKeyPair';

// The subset of Node's `crypto` that hooks use in practice: hashes and HMACs (signing
// webhooks, hashing emails), random bytes and ids, RSA keys and signatures (verifying a
// JWT), AES. Hashing is pure JS (@noble/hashes); randomness comes from the platform's CSPRNG
// (crypto.getRandomValues); RSA and AES use node-forge, loaded on first use.
// docs/runtime-semantics.md §10.

type HashFn = CHash;

const ALGORITHMS: Record<string, HashFn> = {
  md5,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
};

/** Largest request getRandomValues accepts at once (Web Crypto's quota). */
const RANDOM_CHUNK = 65_536;

interface Updatable {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}

function hashFor(algorithm: unknown): HashFn {
  const fn = ALGORITHMS[String(algorithm).toLowerCase().replace(/^rsa-/, '')];
  // Node's own message for an unknown algorithm.
  if (!fn) throw new Error('Digest method not supported');
  return fn;
}

/** Node's Hash/Hmac object: update() chains, digest() once, with an optional encoding. */
class DigestObject {
  #state: Updatable;
  #done = false;

  constructor(state: Updatable) {
    this.#state = state;
  }

  update(data: unknown, encoding?: unknown): this {
    if (this.#done) throw new Error('Digest already called');
    this.#state.update(toBytes(data, encoding));
    return this;
  }

  digest(encoding?: unknown): Buffer | string {
    if (this.#done) throw new Error('Digest already called');
    this.#done = true;
    const bytes = Buffer.from(this.#state.digest());
    return typeof encoding === 'string' ? bytes.toString(encoding) : bytes;
  }
}

function randomFill(bytes: Uint8Array): Uint8Array {
  for (let offset = 0; offset < bytes.length; offset += RANDOM_CHUNK) {
    crypto.getRandomValues(bytes.subarray(offset, offset + RANDOM_CHUNK));
  }
  return bytes;
}

function randomBytesSync(size: unknown): Buffer {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) {
    throw new RangeError(`The value of "size" is out of range. Received ${String(size)}`);
  }
  const bytes = Buffer.alloc(size);
  randomFill(bytes);
  return bytes;
}

/** RFC 4122 version 4, from getRandomValues (randomUUID needs a secure context; this does not). */
function randomUUID(): string {
  const bytes = randomFill(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function timingSafeEqual(a: unknown, b: unknown): boolean {
  const left = toBytes(a);
  const right = toBytes(b);
  if (left.byteLength !== right.byteLength) {
    throw nodeError(
      new RangeError('Input buffers must have the same byte length'),
      'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
    );
  }
  let diff = 0;
  for (let i = 0; i < left.length; i++) diff |= left[i]! ^ right[i]!;
  return diff === 0;
}

export interface CryptoEnvironment {
  /** Runs a callback later, the way Node calls back asynchronously (guarded by the engine). */
  defer(callback: () => void): void;
}

const hashNamed = (name: string): HashFn | undefined => ALGORITHMS[name];

/**
 * Node's crypto.constants for RSA padding, PSS salt lengths, EC point forms and DH checks:
 * packages read them at load (jose reads RSA_PKCS1_PSS_PADDING), whether or not they then
 * use a padding Hookpad signs with.
 */
const CRYPTO_CONSTANTS = {
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
} as const;

function pbkdf2Sync(
  password: unknown,
  salt: unknown,
  iterations: number,
  keylen: number,
  digest: unknown,
): Buffer {
  const derived = pbkdf2(hashFor(digest), toBytes(password), toBytes(salt), {
    c: iterations,
    dkLen: keylen,
  });
  return Buffer.from(derived);
}

export function createCryptoModule(env: CryptoEnvironment): Record<string, unknown> {
  const signatures = oneShot(hashNamed);
  return {
    createSign: (algorithm: unknown) => new Sign(algorithm, hashNamed),
    createVerify: (algorithm: unknown) => new Verify(algorithm, hashNamed),
    sign: signatures.sign,
    verify: signatures.verify,
    Sign,
    Verify,
    KeyObject,
    createPublicKey,
    createPrivateKey,
    createSecretKey,
    generateKeyPairSync,
    generateKeyPair: (type: unknown, options: undefined, callback: unknown) =>
      generateKeyPair(env.defer, type, options, callback),
    createCipheriv: (algorithm: unknown, key: unknown, iv: unknown) =>
      new Cipheriv(algorithm, key, iv),
    createDecipheriv: (algorithm: unknown, key: unknown, iv: unknown) =>
      new Decipheriv(algorithm, key, iv),
    getCiphers: () => [...CIPHERS],
    // The worker's Web Crypto, as Node's crypto.webcrypto is Node's.
    webcrypto: crypto,
    subtle: (crypto as { subtle?: unknown }).subtle,
    createHash: (algorithm: unknown) => new DigestObject(hashFor(algorithm).create()),
    createHmac: (algorithm: unknown, key: unknown, encoding?: unknown) =>
      new DigestObject(
        hmac.create(
          hashFor(algorithm),
          key instanceof KeyObject ? secretKeyBytes(key) : toBytes(key, encoding),
        ),
      ),
    getHashes: () => Object.keys(ALGORITHMS),
    constants: { ...CRYPTO_CONSTANTS },
    randomBytes(size: unknown, callback?: unknown) {
      if (typeof callback !== 'function') return randomBytesSync(size);
      const bytes = randomBytesSync(size);
      env.defer(() => (callback as (error: null, bytes: Buffer) => void)(null, bytes));
      return undefined;
    },
    randomUUID,
    randomInt(min: unknown, max?: unknown) {
      const [low, high] = max === undefined ? [0, Number(min)] : [Number(min), Number(max)];
      if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) {
        throw new RangeError('The "max" argument must be greater than "min"');
      }
      // 48 random bits are plenty for the ranges hooks ask for (Node caps the range at 2^48).
      const fraction = Buffer.from(randomFill(new Uint8Array(6))).readUIntBE(0, 6) / 2 ** 48;
      return low + Math.floor(fraction * (high - low));
    },
    getRandomValues: <T extends Uint8Array>(array: T) => randomFill(array),
    timingSafeEqual,
    pbkdf2Sync,
    /** The callback form (jose promisifies it): the same key, handed over later as Node does. */
    pbkdf2(
      password: unknown,
      salt: unknown,
      iterations: number,
      keylen: number,
      digest: unknown,
      callback: unknown,
    ) {
      if (typeof callback !== 'function') {
        throw nodeError(
          new TypeError(
            `The "callback" argument must be of type function. Received ${callback === null ? 'null' : typeof callback}`,
          ),
          'ERR_INVALID_ARG_TYPE',
        );
      }
      const key = pbkdf2Sync(password, salt, iterations, keylen, digest);
      env.defer(() => (callback as (error: null, key: Buffer) => void)(null, key));
    },
  };
}
