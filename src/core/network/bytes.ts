import { Buffer } from 'buffer/';
import { truncateString } from '../serialize';

/** Longest request or response body the trace keeps, in characters. */
export const TRACE_BODY_LIMIT = 64 * 1024;

export type BufferLike = InstanceType<typeof Buffer>;

export function toBytes(body: string | Uint8Array | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return body;
}

export function toBuffer(bytes: Uint8Array): BufferLike {
  return Buffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

export function bytesToText(bytes: Uint8Array): string {
  return toBuffer(bytes).toString('utf8');
}

/** A body as the trace shows it: text, capped. */
export function traceText(body: string | Uint8Array | undefined): string | undefined {
  if (body === undefined) return undefined;
  const text = typeof body === 'string' ? body : bytesToText(body);
  return truncateString(text, TRACE_BODY_LIMIT);
}

/** Anything a hook may pass as a body: strings, Buffers, typed arrays, ArrayBuffers. */
export function bodyFrom(value: unknown): string | Uint8Array | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return String(value);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts.map((part) => toBuffer(part)));
}

/** Looks like JSON text (an object or an array): mocks get `content-type: application/json`. */
export function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}
