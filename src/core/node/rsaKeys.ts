import { Buffer } from 'buffer/';
import type * as Forge from 'node-forge';
import {
  forge,
  fromBase64Url,
  fromBinary,
  nodeError,
  toBase64Url,
  toBinary,
  type ForgeModule,
} from './cryptoBytes';

// RSA keys as Node's crypto reads and writes them: PEM or DER (SPKI, PKCS#1, PKCS#8, and the
// public key of an X.509 certificate) and JWK. node-forge parses and encodes the ASN.1; the
// numbers are kept as BigInts for the signature maths (rsaSignature.ts).

export interface RsaPublic {
  n: bigint;
  e: bigint;
}
export interface RsaPrivate extends RsaPublic {
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qi: bigint;
}

type ForgeBigInteger = ForgeModule['jsbn']['BigInteger']['prototype'];
type Asn1 = Forge.asn1.Asn1;

const big = (value: ForgeBigInteger): bigint => BigInt(`0x${value.toString(16)}`);
const RSA_OID = '1.2.840.113549.1.1.1';

/** OpenSSL's answer to a key it cannot read, which Node passes on. */
export function unsupportedKey(): Error {
  return nodeError(
    new Error('error:1E08010C:DECODER routines::unsupported'),
    'ERR_OSSL_UNSUPPORTED',
  );
}

function fromForgePublic(key: { n: ForgeBigInteger; e: ForgeBigInteger }): RsaPublic {
  return { n: big(key.n), e: big(key.e) };
}

function fromForgePrivate(key: Forge.pki.rsa.PrivateKey): RsaPrivate {
  return {
    n: big(key.n),
    e: big(key.e),
    d: big(key.d),
    p: big(key.p),
    q: big(key.q),
    dp: big(key.dP),
    dq: big(key.dQ),
    qi: big(key.qInv),
  };
}

function toForge(key: RsaPublic | RsaPrivate) {
  const f = forge();
  const n = (value: bigint) => new f.jsbn.BigInteger(value.toString(16), 16);
  if (!('d' in key)) return { pub: f.pki.rsa.setPublicKey(n(key.n), n(key.e)) };
  const priv = f.pki.rsa.setPrivateKey(
    n(key.n),
    n(key.e),
    n(key.d),
    n(key.p),
    n(key.q),
    n(key.dp),
    n(key.dq),
    n(key.qi),
  );
  return { priv, pub: f.pki.rsa.setPublicKey(n(key.n), n(key.e)) };
}

/** The SubjectPublicKeyInfo inside a certificate's TBSCertificate. */
function certificateKey(cert: Asn1): Asn1 | undefined {
  const f = forge();
  const tbs = (cert.value as Asn1[])[0];
  if (!tbs || !Array.isArray(tbs.value)) return undefined;
  return (tbs.value as Asn1[]).find((part) => {
    const algorithm = Array.isArray(part.value) ? (part.value[0] as Asn1 | undefined) : undefined;
    const oid = Array.isArray(algorithm?.value)
      ? (algorithm.value[0] as Asn1 | undefined)
      : undefined;
    return oid?.type === f.asn1.Type.OID && f.asn1.derToOid(oid.value as string) === RSA_OID;
  });
}

interface Pem {
  label: string;
  der: Buffer;
}

export function parsePem(text: string): Pem | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match) return undefined;
  if (/Proc-Type:.*ENCRYPTED/.test(match[2]!)) return undefined;
  return { label: match[1]!, der: Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64') };
}

export function encodePem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A public key from DER: SPKI, PKCS#1, a certificate, or (its public half) a private key. */
export function publicFromDer(der: Uint8Array): RsaPublic {
  const f = forge();
  try {
    const asn1 = f.asn1.fromDer(toBinary(der));
    try {
      return fromForgePublic(f.pki.publicKeyFromAsn1(asn1) as Forge.pki.rsa.PublicKey);
    } catch {
      const spki = certificateKey(asn1);
      if (spki) return fromForgePublic(f.pki.publicKeyFromAsn1(spki) as Forge.pki.rsa.PublicKey);
      const { n, e } = privateFromDer(der);
      return { n, e };
    }
  } catch {
    throw unsupportedKey();
  }
}

/** A private key from DER: PKCS#1 or unencrypted PKCS#8. */
export function privateFromDer(der: Uint8Array): RsaPrivate {
  const f = forge();
  try {
    return fromForgePrivate(f.pki.privateKeyFromAsn1(f.asn1.fromDer(toBinary(der))));
  } catch {
    throw unsupportedKey();
  }
}

const b64url = (value: bigint): string => {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return toBase64Url(Buffer.from(hex, 'hex'));
};
const fromB64url = (text: unknown): bigint => {
  if (typeof text !== 'string') throw unsupportedKey();
  const hex = fromBase64Url(text).toString('hex');
  return BigInt(`0x${hex || '0'}`);
};

export function toJwk(key: RsaPublic | RsaPrivate): Record<string, string> {
  const jwk: Record<string, string> = { kty: 'RSA', n: b64url(key.n), e: b64url(key.e) };
  if ('d' in key) {
    Object.assign(jwk, {
      d: b64url(key.d),
      p: b64url(key.p),
      q: b64url(key.q),
      dp: b64url(key.dp),
      dq: b64url(key.dq),
      qi: b64url(key.qi),
    });
  }
  return jwk;
}

export function fromJwk(
  jwk: Record<string, unknown>,
  wantPrivate: boolean,
): RsaPublic | RsaPrivate {
  if (jwk.kty !== 'RSA') {
    throw nodeError(new TypeError('Unsupported JWK Key Type.'), 'ERR_CRYPTO_INVALID_JWK');
  }
  const pub = { n: fromB64url(jwk.n), e: fromB64url(jwk.e) };
  if (!wantPrivate) return pub;
  const field = (name: string) => fromB64url(jwk[name]);
  return {
    ...pub,
    d: field('d'),
    p: field('p'),
    q: field('q'),
    dp: field('dp'),
    dq: field('dq'),
    qi: field('qi'),
  };
}

/** DER of a key in the given Node `type`: spki or pkcs1 (public), pkcs1 or pkcs8 (private). */
export function toDer(key: RsaPublic | RsaPrivate, type: string): Buffer {
  const f = forge();
  const { pub, priv } = toForge(key);
  let asn1: Asn1 | undefined;
  if (priv) {
    const rsa = f.pki.privateKeyToAsn1(priv);
    if (type === 'pkcs1') asn1 = rsa;
    else if (type === 'pkcs8') asn1 = f.pki.wrapRsaPrivateKey(rsa);
  } else if (type === 'spki') asn1 = f.pki.publicKeyToAsn1(pub);
  else if (type === 'pkcs1') asn1 = f.pki.publicKeyToRSAPublicKey(pub);
  if (!asn1) {
    throw nodeError(
      new TypeError(`The property 'options.type' is invalid. Received '${type}'`),
      'ERR_INVALID_ARG_VALUE',
    );
  }
  return fromBinary(f.asn1.toDer(asn1).getBytes());
}

export const PEM_LABELS: Record<string, string> = {
  'public:spki': 'PUBLIC KEY',
  'public:pkcs1': 'RSA PUBLIC KEY',
  'private:pkcs1': 'RSA PRIVATE KEY',
  'private:pkcs8': 'PRIVATE KEY',
};

/** A new key pair, in JavaScript (naming forge's own prng keeps it off Node's native keygen). */
export function generateRsa(bits: number, exponent: number): RsaPrivate {
  const f = forge();
  const pair = f.pki.rsa.generateKeyPair({ bits, e: exponent, prng: f.random });
  return fromForgePrivate(pair.privateKey);
}
