import { Buffer } from 'buffer/';
import type * as Forge from 'node-forge';
import loadPorts from './loadPorts.cjs';

// Byte conversions the crypto pieces share: Node's argument rules for data, node-forge's
// binary strings, and Node's error shape (a message plus a `code`).

export type ForgeModule = typeof Forge;

/** node-forge, loaded on first use (≈ 150 KiB of code a hook that only hashes never runs). */
export function forge(): ForgeModule {
  return loadPorts.forge() as ForgeModule;
}

/** An error the way Node throws it: the class, the message and `code`. */
export function nodeError<E extends Error>(error: E, code: string): E {
  return Object.assign(error, { code });
}

export function toBytes(data: unknown, encoding?: unknown): Uint8Array {
  if (typeof data === 'string') {
    return Buffer.from(data, typeof encoding === 'string' ? encoding : 'utf8');
  }
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw nodeError(
    new TypeError(
      `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${data === null ? 'null' : typeof data}`,
    ),
    'ERR_INVALID_ARG_TYPE',
  );
}

/** node-forge's byte strings (one char per byte). */
export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
export const fromBinary = (text: string): Buffer => Buffer.from(text, 'latin1');

/** A Buffer, or a string when Node's caller asked for an encoding. */
export function encodeOutput(bytes: Uint8Array, encoding?: unknown): Buffer | string {
  const buffer = Buffer.from(bytes);
  return typeof encoding === 'string' && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  const hex = Buffer.from(bytes).toString('hex');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0');
  return Buffer.from(hex, 'hex');
}

/** base^exponent mod modulus, by squaring (BigInt has no modPow). */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** base64url both ways: the npm buffer port knows only base64 (which also reads -_). */
export const toBase64Url = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
export const fromBase64Url = (text: string): Buffer =>
  Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
