import loadPorts from './loadPorts.cjs';
import { noSockets, type SocketEnvironment } from './netModule';

// Node's `dgram` without sockets (docs/runtime-semantics.md §10.2): a socket can be created
// (aws-sdk creates one for its optional monitoring), binding and sending fail as net's
// connections do, later: through send's callback when given, else as an 'error' event.

type Listener = (...args: unknown[]) => void;
interface Emitter {
  on(event: string, listener: Listener): this;
  emit(event: string, ...args: unknown[]): boolean;
}

function badSocketType(): Error {
  return Object.assign(new TypeError('Bad socket type specified. Valid types are: udp4, udp6'), {
    code: 'ERR_SOCKET_BAD_TYPE',
  });
}

export function createDgramModule(env: SocketEnvironment): Record<string, unknown> {
  const EventEmitter = loadPorts.events() as new () => Emitter;

  class Socket extends EventEmitter {
    readonly type: string;

    constructor(typeOrOptions: unknown, listener?: unknown) {
      super();
      const type =
        typeof typeOrOptions === 'object' && typeOrOptions !== null
          ? (typeOrOptions as { type?: unknown }).type
          : typeOrOptions;
      if (type !== 'udp4' && type !== 'udp6') throw badSocketType();
      this.type = type;
      if (typeof listener === 'function') this.on('message', listener as Listener);
    }

    bind(...args: unknown[]): this {
      const [port] = args;
      const error = noSockets(
        'bind',
        `${this.type === 'udp6' ? '::' : '0.0.0.0'}:${String(typeof port === 'number' ? port : 0)}`,
      );
      env.defer(() => this.emit('error', error));
      return this;
    }

    send(...args: unknown[]): void {
      const callback = args.at(-1);
      // send(msg, [offset, length,] port [, address] [, callback])
      const rest = args.slice(1).filter((arg) => typeof arg !== 'function');
      const [port, address] = rest.length >= 3 ? rest.slice(2) : rest;
      const error = noSockets('send', `${String(address ?? 'localhost')}:${String(port)}`);
      env.defer(() =>
        typeof callback === 'function' ? (callback as Listener)(error) : this.emit('error', error),
      );
    }

    connect(port: unknown, address?: unknown, callback?: unknown): void {
      const host = typeof address === 'string' ? address : 'localhost';
      const error = noSockets('connect', `${host}:${String(port)}`);
      const done = typeof address === 'function' ? address : callback;
      env.defer(() =>
        typeof done === 'function' ? (done as Listener)(error) : this.emit('error', error),
      );
    }

    close(callback?: unknown): this {
      if (typeof callback === 'function') this.on('close', callback as Listener);
      env.defer(() => this.emit('close'));
      return this;
    }

    address(): never {
      throw Object.assign(new Error('getsockname EBADF'), {
        errno: -9,
        code: 'EBADF',
        syscall: 'getsockname',
      });
    }

    ref(): this {
      return this;
    }
    unref(): this {
      return this;
    }
  }

  return {
    Socket,
    createSocket: (type: unknown, listener?: unknown) => new Socket(type, listener),
  };
}
