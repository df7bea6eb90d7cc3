import { Buffer } from 'buffer/';

// Node (from 15.7, so on the platform's Node 18) reads and writes 'base64url', and hooks that
// decode a JWT's parts use it; the npm `buffer` port hooks get as `Buffer` does not know it
// (docs/runtime-semantics.md §10). Its base64 decoder already accepts '-' and '_', so
// 'base64url' is base64 on the way in and base64 with the URL alphabet, unpadded, on the way out.

const ENCODING = 'base64url';

function isBase64url(encoding: unknown): boolean {
  return typeof encoding === 'string' && encoding.toLowerCase() === ENCODING;
}

function toUrlAlphabet(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Method = (this: unknown, ...args: unknown[]) => unknown;
interface PortStatics {
  isEncoding: Method;
  from: Method;
  byteLength: Method;
}
interface PortMethods {
  toString: Method;
  write: Method;
}

let installed = false;

/** Teaches the `buffer` port 'base64url' (once per worker; the class is shared by every run). */
export function installBase64url(): void {
  if (installed) return;
  installed = true;
  const port = Buffer as unknown as PortStatics;
  const proto = Buffer.prototype as unknown as PortMethods;
  const { isEncoding, from, byteLength } = port;
  const { toString, write } = proto;
  port.isEncoding = (encoding) => isBase64url(encoding) || isEncoding(encoding);
  port.from = function (value, encoding, length) {
    const readAs = typeof value === 'string' && isBase64url(encoding) ? 'base64' : encoding;
    return from.call(this, value, readAs, length);
  };
  port.byteLength = (value, encoding) =>
    byteLength(value, isBase64url(encoding) ? 'base64' : encoding);
  proto.toString = function (this: unknown, encoding, start, end) {
    if (!isBase64url(encoding)) return toString.call(this, encoding, start, end);
    return toUrlAlphabet(String(toString.call(this, 'base64', start, end)));
  };
  proto.write = function (this: unknown, ...args: unknown[]) {
    // write(string, [offset], [length], [encoding]): the encoding is the last string argument.
    const at = args.findLastIndex((arg, i) => i > 0 && typeof arg === 'string');
    if (at > 0 && isBase64url(args[at])) args[at] = 'base64';
    return write.apply(this, args);
  };
}
