import { Buffer } from 'buffer/';

// process.stdout and process.stderr as a webtask had them: pipes to its log stream, not
// terminals (docs/runtime-semantics.md §10). What a hook or a package writes there is shown
// with its console output, one entry per write.

export interface OutputStream {
  readonly fd: 1 | 2;
  /** Node leaves isTTY undefined on a pipe; packages (debug, chalk) test it to pick colours. */
  readonly isTTY: undefined;
  readonly writable: true;
  write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean;
}

/** The text a terminal would show: bytes (or a string in `encoding`, e.g. hex) read as UTF-8. */
function textOf(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') {
    return typeof encoding === 'string' ? Buffer.from(chunk, encoding).toString('utf8') : chunk;
  }
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString('utf8');
  const received = chunk === null ? 'null' : typeof chunk;
  throw Object.assign(
    new TypeError(
      `The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${received}`,
    ),
    { code: 'ERR_INVALID_ARG_TYPE' },
  );
}

/**
 * A non-TTY output stream whose writes go to `print` (a trailing newline dropped: the console
 * shows lines); the write callback is called later, as Node calls it once the data is flushed.
 */
export function createOutputStream(
  fd: 1 | 2,
  print: (text: string) => void,
  later: (callback: () => void) => void,
): OutputStream {
  return {
    fd,
    isTTY: undefined,
    writable: true,
    write(chunk, encoding, callback) {
      const text = textOf(chunk, encoding);
      print(text.endsWith('\n') ? text.slice(0, -1) : text);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') later(() => (done as (error: null) => void)(null));
      return true;
    },
  };
}
