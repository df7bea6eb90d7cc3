import loadPorts from './loadPorts.cjs';
import { isIP, isIPv4, isIPv6 } from './ipAddress';
import { failLater, systemError, type SystemError } from './systemErrors';

// Node's `net` without sockets (docs/runtime-semantics.md §10.2). The hook's sandbox reaches
// the network only through Hookpad's HTTP clients, which the run's HTTP mocks answer (§12).
// Packages such as ws and tough-cookie require net at load time (to subclass Socket, to call
// isIP); they load, and a real connection fails where Node reports a failed one: an 'error'
// event, later. The error is Node's permission-denied shape (EACCES), which packages treat
// as final rather than retry.

export interface SocketEnvironment {
  /** Runs a callback later, the way Node reports asynchronously (guarded by the engine). */
  defer(callback: () => void): void;
}

export const NO_SOCKETS =
  "Hookpad's sandbox has no raw sockets: only HTTP(S) requests through the hook's clients reach its HTTP mocks";

/** `connect EACCES example.com:443 (…)`: a socket operation the sandbox refuses. */
export function noSockets(
  syscall: 'connect' | 'listen' | 'bind' | 'send',
  target: string,
  fields: Record<string, unknown> = {},
): SystemError {
  const message =
    syscall === 'listen'
      ? `listen EACCES: permission denied ${target} (${NO_SOCKETS})`
      : `${syscall} EACCES ${target} (${NO_SOCKETS})`;
  return systemError(message, 'EACCES', syscall, fields);
}

type Listener = (...args: unknown[]) => void;

interface Emitter {
  on(event: string, listener: Listener): this;
  once(event: string, listener: Listener): this;
  emit(event: string, ...args: unknown[]): boolean;
}
interface DuplexLike extends Emitter {
  destroy(): this;
  destroyed: boolean;
}
type EmitterClass = new () => Emitter;
type DuplexClass = new (options?: object) => DuplexLike;

/** Where a connect or listen call points, as Node prints it (`host:port` or a pipe path). */
export function describeTarget(args: readonly unknown[], defaultHost: string): string {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { port?: unknown; host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return options.path;
    return `${typeof options.host === 'string' ? options.host : defaultHost}:${String(options.port ?? 0)}`;
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return first;
  const host = typeof second === 'string' ? second : defaultHost;
  return `${host}:${String(first ?? 0)}`;
}

const lastFunction = (args: readonly unknown[]): Listener | undefined => {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as Listener) : undefined;
};

function socketClosed(): Error {
  return Object.assign(new Error('Socket is closed'), { code: 'ERR_SOCKET_CLOSED' });
}

function serverNotRunning(): Error {
  return Object.assign(new Error('Server is not running.'), { code: 'ERR_SERVER_NOT_RUNNING' });
}

/** net.Socket and net.Server for one run (tls and http2 extend them). */
function buildClasses(env: SocketEnvironment) {
  const { Duplex } = loadPorts.stream() as { Duplex: DuplexClass };
  const EventEmitter = loadPorts.events() as EmitterClass;

  class Socket extends Duplex {
    connecting = false;
    bytesRead = 0;
    bytesWritten = 0;
    remoteAddress: string | undefined = undefined;
    remotePort: number | undefined = undefined;
    private refusal: SystemError | undefined;
    private failing = false;

    constructor(options?: unknown) {
      super(typeof options === 'object' && options !== null ? { ...options } : {});
    }

    connect(...args: unknown[]): this {
      const listener = lastFunction(args);
      if (listener) this.once('connect', listener);
      const target = describeTarget(listener ? args.slice(0, -1) : args, 'localhost');
      const refusal = noSockets('connect', target);
      this.connecting = true;
      this.refusal = refusal;
      this.failLater(refusal);
      return this;
    }

    /** The first failure ends the socket: 'error' later, then 'close'. */
    private failLater(error: Error): void {
      if (this.failing) return;
      this.failing = true;
      env.defer(() => (this.connecting = false));
      failLater(this, error, env.defer);
    }

    _read(): void {}

    /** Nothing is ever sent: the write waits for the failure that ends the socket. */
    _write(): void {
      this.failLater(this.refusal ?? socketClosed());
    }

    setTimeout(_ms: unknown, listener?: unknown): this {
      if (typeof listener === 'function') this.once('timeout', listener as Listener);
      return this;
    }
    setNoDelay(): this {
      return this;
    }
    setKeepAlive(): this {
      return this;
    }
    ref(): this {
      return this;
    }
    unref(): this {
      return this;
    }
    address(): object {
      return {};
    }
  }

  class Server extends EventEmitter {
    listening = false;

    constructor(options?: unknown, listener?: unknown) {
      super();
      const connection = typeof options === 'function' ? options : listener;
      if (typeof connection === 'function') this.on('connection', connection as Listener);
    }

    listen(...args: unknown[]): this {
      const listener = lastFunction(args);
      if (listener) this.once('listening', listener);
      const error = noSockets('listen', describeTarget(listener ? args.slice(0, -1) : args, '::'));
      env.defer(() => this.emit('error', error));
      return this;
    }

    close(callback?: unknown): this {
      if (typeof callback === 'function') {
        this.once('close', () => (callback as Listener)(serverNotRunning()));
      }
      env.defer(() => this.emit('close'));
      return this;
    }

    address(): null {
      return null;
    }
    getConnections(callback: unknown): this {
      if (typeof callback === 'function') env.defer(() => (callback as Listener)(null, 0));
      return this;
    }
    ref(): this {
      return this;
    }
    unref(): this {
      return this;
    }
  }

  return { Socket, Server };
}

export type SocketClasses = ReturnType<typeof buildClasses>;

// One set per run, so that tls.TLSSocket is an instance of the same run's net.Socket.
const classesByRun = new WeakMap<SocketEnvironment, SocketClasses>();

export function socketClasses(env: SocketEnvironment): SocketClasses {
  let classes = classesByRun.get(env);
  if (!classes) {
    classes = buildClasses(env);
    classesByRun.set(env, classes);
  }
  return classes;
}

export function createNetModule(env: SocketEnvironment): Record<string, unknown> {
  const { Socket, Server } = socketClasses(env);
  const connect = (...args: unknown[]) => {
    const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : undefined;
    return new Socket(options).connect(...args);
  };
  return {
    isIP,
    isIPv4,
    isIPv6,
    Socket,
    Stream: Socket,
    Server,
    connect,
    createConnection: connect,
    createServer: (options?: unknown, listener?: unknown) => new Server(options, listener),
  };
}
