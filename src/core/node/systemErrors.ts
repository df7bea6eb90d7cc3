// The errors Node's system calls fail with (libuv's code, negative errno, syscall, path), and
// Node's argument-type error. The sandbox's file system, processes and sockets fail in these
// shapes so that packages which test `error.code` take the branch they take on Node.

/** libuv's Linux errno and description for the codes Hookpad's stand-ins produce. */
const CODES = {
  ENOENT: [-2, 'no such file or directory'],
  EBADF: [-9, 'bad file descriptor'],
  EACCES: [-13, 'permission denied'],
  EROFS: [-30, 'read-only file system'],
  // getaddrinfo's EAI_NONAME, which Node reports as ENOTFOUND.
  ENOTFOUND: [-3008, 'not found'],
} as const satisfies Record<string, readonly [number, string]>;

export type SystemErrorCode = keyof typeof CODES;

export interface SystemError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

/** Node's fs error: `ENOENT: no such file or directory, open '/x'`. */
export function fsError(
  code: SystemErrorCode,
  syscall: string,
  path?: string,
  dest?: string,
): SystemError {
  const [errno, description] = CODES[code];
  const where =
    (path === undefined ? '' : ` '${path}'`) + (dest === undefined ? '' : ` -> '${dest}'`);
  const error = new Error(`${code}: ${description}, ${syscall}${where}`);
  return Object.assign(
    error,
    { errno, code, syscall },
    path === undefined ? {} : { path },
    dest === undefined ? {} : { dest },
  );
}

/** A system error with a message of its own (sockets, processes) and Node's fields. */
export function systemError(
  message: string,
  code: SystemErrorCode,
  syscall: string,
  fields: Record<string, unknown> = {},
): SystemError {
  return Object.assign(new Error(message), { errno: CODES[code][0], code, syscall }, fields);
}

/** How Node's ERR_INVALID_ARG_TYPE describes the value it received. */
export function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return `Received ${String(value)}`;
  if (typeof value === 'function') {
    const name = (value as { name?: unknown }).name;
    return `Received function ${typeof name === 'string' && name !== '' ? name : '<anonymous>'}`;
  }
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== ''
      ? `Received an instance of ${name}`
      : 'Received [object Object]';
  }
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  const cut = shown.length > 25 ? `${shown.slice(0, 25)}...` : shown;
  return `Received type ${typeof value} (${cut})`;
}

/** `The "path" argument must be of type string… Received …` (a TypeError, as in Node). */
export function invalidArgType(name: string, expected: string, value: unknown): TypeError {
  return Object.assign(
    new TypeError(`The "${name}" argument must be ${expected}. ${describeReceived(value)}`),
    { code: 'ERR_INVALID_ARG_TYPE' },
  );
}

interface FailingStream {
  emit(event: string, ...args: unknown[]): boolean;
  destroy(): unknown;
}

/**
 * Fails a stream as Node does, asynchronously: 'error', then the stream is destroyed ('close').
 * The error is emitted from the run's guarded deferral, so an unheard one is the hook's uncaught
 * exception; the stream's own destroy(error) would emit it on a tick the run does not guard.
 */
export function failLater(
  stream: FailingStream,
  error: Error,
  defer: (callback: () => void) => void,
): void {
  defer(() => {
    stream.emit('error', error);
    stream.destroy();
  });
}
