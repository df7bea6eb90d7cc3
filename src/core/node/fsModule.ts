import loadPorts from './loadPorts.cjs';
import { failLater, fsError, invalidArgType, type SystemError } from './systemErrors';

// Node's `fs` as a process sees an empty, read-only file system (docs/runtime-semantics.md
// §10.2): the hook's sandbox has no files. Nothing exists, so reads fail with ENOENT, creating
// anything fails with EROFS, and no descriptor is open (EBADF). Packages such as form-data and
// superagent require fs at load time and only touch a file when a hook hands them one; they
// load, and fail with Node's own error when they really read.

export interface FsEnvironment {
  /** Runs a callback later, the way Node calls back asynchronously (guarded by the engine). */
  defer(callback: () => void): void;
}

/** Node 18's `fs.constants` on Linux. */
export const FS_CONSTANTS: Readonly<Record<string, number>> = {
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0,
  UV_DIRENT_FILE: 1,
  UV_DIRENT_DIR: 2,
  UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5,
  UV_DIRENT_CHAR: 6,
  UV_DIRENT_BLOCK: 7,
  S_IFMT: 61440,
  S_IFREG: 32768,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960,
  S_IFSOCK: 49152,
  O_CREAT: 64,
  O_EXCL: 128,
  UV_FS_O_FILEMAP: 0,
  O_NOCTTY: 256,
  O_TRUNC: 512,
  O_APPEND: 1024,
  O_DIRECTORY: 65536,
  O_NOATIME: 262144,
  O_NOFOLLOW: 131072,
  O_SYNC: 1052672,
  O_DSYNC: 4096,
  O_DIRECT: 16384,
  O_NONBLOCK: 2048,
  S_IRWXU: 448,
  S_IRUSR: 256,
  S_IWUSR: 128,
  S_IXUSR: 64,
  S_IRWXG: 56,
  S_IRGRP: 32,
  S_IWGRP: 16,
  S_IXGRP: 8,
  S_IRWXO: 7,
  S_IROTH: 4,
  S_IWOTH: 2,
  S_IXOTH: 1,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1,
  COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
};

/** A call's result: Node's error, or the value a successful call returns. */
type Outcome = { error: SystemError } | { value: unknown };
type Operation = (args: readonly unknown[]) => Outcome;

const PATH_TYPES = 'of type string or an instance of Buffer or URL';

/** The path a string, Buffer or file: URL names (Node's argument rules). */
function pathArgument(value: unknown, name = 'path'): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (value instanceof URL) {
    if (value.protocol !== 'file:') {
      throw Object.assign(new TypeError('The URL must be of scheme file'), {
        code: 'ERR_INVALID_URL_SCHEME',
      });
    }
    return decodeURIComponent((value as unknown as { pathname: string }).pathname);
  }
  throw invalidArgType(name, PATH_TYPES, value);
}

function fdArgument(value: unknown): number {
  if (typeof value !== 'number') throw invalidArgType('fd', 'of type number', value);
  return value;
}

const missing =
  (syscall: string, name?: string): Operation =>
  ([path]) => ({ error: fsError('ENOENT', syscall, pathArgument(path, name)) });

const missingPair =
  (syscall: string, names: [string, string]): Operation =>
  ([from, to]) => ({
    error: fsError('ENOENT', syscall, pathArgument(from, names[0]), pathArgument(to, names[1])),
  });

const readOnly =
  (syscall: string, name?: string): Operation =>
  ([path]) => ({ error: fsError('EROFS', syscall, pathArgument(path, name)) });

const badDescriptor =
  (syscall: string): Operation =>
  ([fd]) => (fdArgument(fd), { error: fsError('EBADF', syscall) });

/** readFile and friends take a path or an open descriptor (none is open). */
const pathOrDescriptor =
  (code: 'ENOENT' | 'EROFS', fdSyscall: string): Operation =>
  ([target]) =>
    typeof target === 'number'
      ? { error: fsError('EBADF', fdSyscall) }
      : { error: fsError(code, 'open', pathArgument(target)) };

const O_CREAT = 64;

/** Opening for reading finds nothing; opening to create or write is refused. */
function openFlagsCreate(flags: unknown): boolean {
  if (typeof flags === 'number') return (flags & O_CREAT) !== 0;
  return typeof flags === 'string' && /^[wa]/.test(flags);
}

/** Every fs function by name; each yields the sync, callback and promise forms. */
const OPERATIONS: Record<string, Operation> = {
  access: missing('access'),
  appendFile: pathOrDescriptor('EROFS', 'write'),
  chmod: missing('chmod'),
  chown: missing('chown'),
  copyFile: missingPair('copyfile', ['src', 'dest']),
  cp: missing('lstat', 'src'),
  lchown: missing('lchown'),
  link: missingPair('link', ['existingPath', 'newPath']),
  lstat: missing('lstat'),
  lutimes: missing('lutime'),
  mkdir: readOnly('mkdir'),
  mkdtemp: ([prefix]) => ({
    error: fsError('EROFS', 'mkdtemp', `${pathArgument(prefix, 'prefix')}XXXXXX`),
  }),
  open: ([path, flags]) => ({
    error: fsError(openFlagsCreate(flags) ? 'EROFS' : 'ENOENT', 'open', pathArgument(path)),
  }),
  opendir: missing('opendir'),
  readdir: missing('scandir'),
  // Node reads a descriptor's size first.
  readFile: pathOrDescriptor('ENOENT', 'fstat'),
  readlink: missing('readlink'),
  // realpath walks the path from the root: its first component is already missing.
  realpath: ([path]) => {
    const target = pathArgument(path);
    const first = target.startsWith('/')
      ? `/${target.split('/').find((part) => part !== '') ?? ''}`
      : target;
    return { error: fsError('ENOENT', 'lstat', first) };
  },
  rename: missingPair('rename', ['oldPath', 'newPath']),
  rm: ([path, options]) => {
    const target = pathArgument(path);
    const force = (options as { force?: unknown } | undefined)?.force === true;
    return force ? { value: undefined } : { error: fsError('ENOENT', 'lstat', target) };
  },
  rmdir: missing('rmdir'),
  stat: missing('stat'),
  statfs: missing('statfs'),
  // Node's message names the target first: symlink 'target' -> 'path'.
  symlink: ([target, path]) => ({
    error: fsError('EROFS', 'symlink', pathArgument(target, 'target'), pathArgument(path)),
  }),
  truncate: missing('open'),
  unlink: missing('unlink'),
  utimes: missing('utime'),
  writeFile: pathOrDescriptor('EROFS', 'write'),
  // Descriptors: none is ever open.
  close: badDescriptor('close'),
  fchmod: badDescriptor('fchmod'),
  fchown: badDescriptor('fchown'),
  fdatasync: badDescriptor('fdatasync'),
  fstat: badDescriptor('fstat'),
  fsync: badDescriptor('fsync'),
  ftruncate: badDescriptor('ftruncate'),
  futimes: badDescriptor('futime'),
  read: badDescriptor('read'),
  readv: badDescriptor('read'),
  write: badDescriptor('write'),
  writev: badDescriptor('write'),
};

function settle(outcome: Outcome): unknown {
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

function syncForm(name: string, operation: Operation) {
  return (...args: unknown[]) => {
    const options = args[1] as { throwIfNoEntry?: unknown } | undefined;
    // statSync(path, { throwIfNoEntry: false }) answers undefined for a missing entry.
    if ((name === 'stat' || name === 'lstat') && options?.throwIfNoEntry === false) {
      pathArgument(args[0]);
      return undefined;
    }
    return settle(operation(args));
  };
}

function callbackForm(operation: Operation, env: FsEnvironment) {
  return (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback !== 'function') throw invalidArgType('cb', 'of type function', callback);
    const outcome = operation(args.slice(0, -1));
    env.defer(() => ('error' in outcome ? callback(outcome.error) : callback(null, outcome.value)));
  };
}

const promiseForm =
  (operation: Operation) =>
  (...args: unknown[]): Promise<unknown> =>
    new Promise((resolve) => resolve(settle(operation(args))));

/** Classes packages test with instanceof or subclass; no call ever makes an instance. */
class Stats {}
class Dirent {}
class Dir {}

interface Stream {
  emit(event: string, ...args: unknown[]): boolean;
  destroy(): void;
}
interface StreamPort {
  Readable: new (options?: object) => Stream;
  Writable: new (options?: object) => Stream;
}

const streamOptions = (options: unknown): object =>
  typeof options === 'object' && options !== null ? { ...options } : {};

/**
 * fs.ReadStream / fs.WriteStream: streams whose file never opens. As in Node, opening is
 * asynchronous: writes wait for it, then the stream emits 'error' and 'close'.
 */
function streamClasses(env: FsEnvironment) {
  const { Readable, Writable } = loadPorts.stream() as StreamPort;
  class ReadStream extends Readable {
    readonly path: string;
    bytesRead = 0;
    constructor(path: unknown, options?: unknown) {
      const target = pathArgument(path);
      super(streamOptions(options));
      this.path = target;
      failLater(this, fsError('ENOENT', 'open', target), env.defer);
    }
    _read(): void {}
  }
  class WriteStream extends Writable {
    readonly path: string;
    bytesWritten = 0;
    constructor(path: unknown, options?: unknown) {
      const target = pathArgument(path);
      super(streamOptions(options));
      this.path = target;
      failLater(this, fsError('EROFS', 'open', target), env.defer);
    }
    /** Writes wait for the file to open, which it never does. */
    _write(): void {}
  }
  return { ReadStream, WriteStream };
}

function watch(path: unknown): never {
  throw fsError('ENOENT', 'watch', pathArgument(path, 'filename'));
}

/** A fresh `fs` (with `fs.promises`, which `fs/promises` also is). */
export function createFsModule(env: FsEnvironment): Record<string, unknown> {
  const fs: Record<string, unknown> = {};
  const promises: Record<string, unknown> = { constants: FS_CONSTANTS };
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    fs[name] = callbackForm(operation, env);
    fs[`${name}Sync`] = syncForm(name, operation);
    promises[name] = promiseForm(operation);
  }
  // realpath.native is the same lookup through the OS; the file system is still empty.
  Object.assign(fs.realpath as object, { native: fs.realpath });
  Object.assign(fs.realpathSync as object, { native: fs.realpathSync });
  const streams = streamClasses(env);
  return Object.assign(fs, {
    existsSync: () => false,
    exists: (_path: unknown, callback: unknown) => {
      if (typeof callback !== 'function') throw invalidArgType('cb', 'of type function', callback);
      env.defer(() => callback(false));
    },
    watch,
    constants: FS_CONSTANTS,
    F_OK: FS_CONSTANTS.F_OK,
    R_OK: FS_CONSTANTS.R_OK,
    W_OK: FS_CONSTANTS.W_OK,
    X_OK: FS_CONSTANTS.X_OK,
    Stats,
    Dirent,
    Dir,
    ...streams,
    createReadStream: (path: unknown, options?: unknown) => new streams.ReadStream(path, options),
    createWriteStream: (path: unknown, options?: unknown) => new streams.WriteStream(path, options),
    promises,
  });
}
