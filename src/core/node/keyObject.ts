import { Buffer } from 'buffer/';
import { nodeError, toBase64Url, toBytes } from './cryptoBytes';
import {
  PEM_LABELS,
  encodePem,
  fromJwk,
  parsePem,
  privateFromDer,
  publicFromDer,
  toDer,
  toJwk,
  unsupportedKey,
  type RsaPrivate,
  type RsaPublic,
} from './rsaKeys';

// Node's KeyObject and the functions that make one (createPublicKey, createPrivateKey,
// createSecretKey). Asymmetric keys are RSA; docs/runtime-semantics.md §10.

type KeyType = 'public' | 'private' | 'secret';
const material = new WeakMap<KeyObject, RsaPublic | RsaPrivate | Uint8Array>();

export class KeyObject {
  readonly type: KeyType;

  constructor(type: KeyType, key: RsaPublic | RsaPrivate | Uint8Array) {
    this.type = type;
    material.set(this, key);
  }

  get asymmetricKeyType(): string | undefined {
    return this.type === 'secret' ? undefined : 'rsa';
  }

  get asymmetricKeyDetails(): { modulusLength: number; publicExponent: bigint } | undefined {
    if (this.type === 'secret') return undefined;
    const { n, e } = rsaOf(this);
    return { modulusLength: n.toString(2).length, publicExponent: e };
  }

  get symmetricKeySize(): number | undefined {
    return this.type === 'secret' ? (material.get(this) as Uint8Array).length : undefined;
  }

  export(options?: unknown): Buffer | string | Record<string, string> {
    if (this.type === 'secret') {
      const bytes = Buffer.from(material.get(this) as Uint8Array);
      const format = (options as { format?: unknown } | undefined)?.format;
      return format === 'jwk' ? { kty: 'oct', k: toBase64Url(bytes) } : bytes;
    }
    if (options === null || typeof options !== 'object') {
      throw nodeError(
        new TypeError(
          `The "options" argument must be of type object. Received ${options === null ? 'null' : typeof options}`,
        ),
        'ERR_INVALID_ARG_TYPE',
      );
    }
    const { format, type } = options as { format?: unknown; type?: unknown };
    const key = rsaOf(this);
    if (format === 'jwk') return toJwk(key);
    const der = toDer(key, String(type));
    if (format === 'der') return der;
    return encodePem(PEM_LABELS[`${this.type}:${String(type)}`]!, der);
  }

  equals(other: unknown): boolean {
    if (!(other instanceof KeyObject) || other.type !== this.type) return false;
    if (this.type === 'secret') {
      return Buffer.from(material.get(this) as Uint8Array).equals(
        Buffer.from(material.get(other) as Uint8Array),
      );
    }
    const [a, b] = [rsaOf(this), rsaOf(other)];
    return a.n === b.n && a.e === b.e;
  }
}

export function rsaOf(key: KeyObject): RsaPublic | RsaPrivate {
  return material.get(key) as RsaPublic | RsaPrivate;
}

interface KeyInput {
  key: unknown;
  format?: unknown;
  type?: unknown;
  encoding?: unknown;
}

function normalize(input: unknown): KeyInput {
  if (typeof input === 'string' || input instanceof Uint8Array) return { key: input };
  if (input instanceof KeyObject) return { key: input };
  if (input && typeof input === 'object' && 'key' in input) return input as KeyInput;
  throw nodeError(
    new TypeError(
      'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey.',
    ),
    'ERR_INVALID_ARG_TYPE',
  );
}

/** The RSA numbers of a key input: PEM (public or private), DER with a type, JWK, KeyObject. */
export function readKey(input: unknown, wantPrivate: boolean): RsaPublic | RsaPrivate {
  const { key, format, encoding } = normalize(input);
  if (key instanceof KeyObject) {
    if (key.type === 'secret') throw unsupportedKey();
    const rsa = rsaOf(key);
    if (wantPrivate && !('d' in rsa)) {
      throw nodeError(
        new TypeError(`Invalid key object type ${key.type}, expected private.`),
        'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
      );
    }
    return wantPrivate ? rsa : { n: rsa.n, e: rsa.e };
  }
  if (format === 'jwk') return fromJwk(key as Record<string, unknown>, wantPrivate);
  if (format === 'der') {
    const der = toBytes(key, encoding);
    // DER carries its own structure; `type` (spki, pkcs1, pkcs8) only confirms it.
    return wantPrivate ? privateFromDer(der) : publicFromDer(der);
  }
  const text = typeof key === 'string' ? key : Buffer.from(toBytes(key)).toString('utf8');
  const pem = parsePem(text);
  if (!pem) throw unsupportedKey();
  if (wantPrivate) {
    if (!pem.label.includes('PRIVATE')) throw unsupportedKey();
    return privateFromDer(pem.der);
  }
  return publicFromDer(pem.der);
}

export function createPublicKey(input: unknown): KeyObject {
  return new KeyObject('public', readKey(input, false));
}

export function createPrivateKey(input: unknown): KeyObject {
  return new KeyObject('private', readKey(input, true));
}

/**
 * The bytes of a secret KeyObject: Node takes one wherever an HMAC key goes (jsonwebtoken 9
 * signs HS256 with `createHmac(alg, createSecretKey(secret))`), and refuses the other types.
 */
export function secretKeyBytes(key: KeyObject): Uint8Array {
  if (key.type !== 'secret') {
    throw nodeError(
      new TypeError(`Invalid key object type ${key.type}, expected secret.`),
      'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
    );
  }
  return material.get(key) as Uint8Array;
}

export function createSecretKey(key: unknown, encoding?: unknown): KeyObject {
  return new KeyObject('secret', Uint8Array.from(toBytes(key, encoding)));
}
