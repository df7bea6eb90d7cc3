import { Buffer } from 'buffer/';
import loadPorts from './loadPorts.cjs';
import { nodeError, toBytes } from './cryptoBytes';

// Node's zlib, the one-shot forms (sync and callback), on fflate. The compressed bytes need
// not match Node's (headers, block choices); what either side compresses, the other reads.
// docs/runtime-semantics.md §10.

type Codec = (data: Uint8Array, options?: object) => Uint8Array;
interface Fflate {
  gzipSync: Codec;
  gunzipSync: Codec;
  zlibSync: Codec;
  unzlibSync: Codec;
  deflateSync: Codec;
  inflateSync: Codec;
  decompressSync: Codec;
}

/** fflate's error codes as zlib's messages and codes (what Node's errors carry). */
function zlibError(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  const [message, zcode, errno] =
    code === 0
      ? ['unexpected end of file', 'Z_BUF_ERROR', -5]
      : code === 6
        ? ['incorrect header check', 'Z_DATA_ERROR', -3]
        : code === 1
          ? ['invalid block type', 'Z_DATA_ERROR', -3]
          : [String((error as Error).message), 'Z_DATA_ERROR', -3];
  return Object.assign(nodeError(new Error(message), zcode), { errno });
}

const METHODS: Record<string, keyof Fflate> = {
  gzip: 'gzipSync',
  gunzip: 'gunzipSync',
  deflate: 'zlibSync',
  inflate: 'unzlibSync',
  deflateRaw: 'deflateSync',
  inflateRaw: 'inflateSync',
  unzip: 'decompressSync',
};

export function createZlibModule(defer: (callback: () => void) => void): Record<string, unknown> {
  const fflate = () => loadPorts.fflate() as Fflate;
  const zlib: Record<string, unknown> = {
    constants: { Z_NO_FLUSH: 0, Z_FINISH: 4, Z_OK: 0, Z_BUF_ERROR: -5, Z_DATA_ERROR: -3 },
  };
  for (const [name, method] of Object.entries(METHODS)) {
    const run = (data: unknown, options?: unknown): Buffer => {
      const level = (options as { level?: unknown } | undefined)?.level;
      const settings = typeof level === 'number' && level >= 0 && level <= 9 ? { level } : {};
      const input = toBytes(data);
      let output: Uint8Array;
      try {
        output = fflate()[method](input, settings);
      } catch (error) {
        throw zlibError(error);
      }
      return Buffer.from(output);
    };
    zlib[`${name}Sync`] = run;
    zlib[name] = (data: unknown, options: unknown, callback?: unknown) => {
      const done = (typeof options === 'function' ? options : callback) as
        ((error: Error | null, result?: Buffer) => void) | undefined;
      if (typeof done !== 'function') {
        throw nodeError(
          new TypeError(
            `The "callback" argument must be of type function. Received ${typeof done}`,
          ),
          'ERR_INVALID_ARG_TYPE',
        );
      }
      let result: Buffer | undefined;
      let failure: Error | null = null;
      try {
        result = run(data, typeof options === 'function' ? undefined : options);
      } catch (error) {
        failure = error as Error;
      }
      defer(() => (failure ? done(failure) : done(null, result)));
    };
  }
  return zlib;
}
