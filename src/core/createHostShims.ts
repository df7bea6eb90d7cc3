import { Buffer } from 'buffer/';
import { installBase64url } from './node/base64url';
import { createOutputStream } from './node/outputStreams';

// Node-style timers, `process` and `Buffer` for the hook (docs/runtime-semantics.md §10). Every
// callback runs through `guard`, so an exception inside a timer becomes an 'async-throw' with its
// line instead of vanishing into the host's error handler. All timers are tracked so `dispose` can
// stop a finished run.

installBase64url();

/** What a Node timer returns; hooks call `.unref()` on it, so a bare id will not do. */
class HookTimer {
  constructor(readonly id: unknown) {}
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return true;
  }
  [Symbol.toPrimitive](): number {
    return typeof this.id === 'number' ? this.id : NaN;
  }
}

export interface HostShims {
  setTimeout: unknown;
  setInterval: unknown;
  setImmediate: unknown;
  clearTimeout: unknown;
  clearInterval: unknown;
  clearImmediate: unknown;
  process: unknown;
  Buffer: unknown;
  /** Runs an engine callback (storage, crypto) later, guarded; not visible to the hook. */
  defer(callback: () => void): void;
  /** An engine timer (a mocked answer's delay): like setTimeout, not counted as the hook's. */
  schedule(callback: () => void, ms: number): unknown;
  /** The hook's own timers and intervals still pending (docs/runtime-semantics.md §7). */
  pendingTimers(): number;
  /** Stops every pending timer and ignores callbacks that still arrive. */
  dispose(): void;
}

export const NODE_VERSION = 'v18.20.4';

/** Node's process.hrtime, from the host's monotonic clock. */
function createHrtime(now: () => number) {
  const toPair = (ms: number): [number, number] => {
    const ns = Math.round(ms * 1e6);
    return [Math.floor(ns / 1e9), ns % 1e9];
  };
  const hrtime = (previous?: unknown): [number, number] => {
    const [s, ns] = toPair(now());
    if (!Array.isArray(previous)) return [s, ns];
    const diff = (s - Number(previous[0])) * 1e9 + (ns - Number(previous[1]));
    return [Math.floor(diff / 1e9), diff % 1e9];
  };
  hrtime.bigint = () => BigInt(Math.round(now() * 1e6));
  return hrtime;
}

export interface HostShimsOptions {
  /** Runs a callback, turning its exception into an 'async-throw' of the run. */
  guard(callback: () => void): void;
  /** Where process.emitWarning writes (Node prints it on stderr). */
  warn(text: string): void;
  /** Where process.stdout and process.stderr writes go (the run's console output). */
  print(stream: 'stdout' | 'stderr', text: string): void;
  now(): number;
}

export function createHostShims({ guard, warn, print, now }: HostShimsOptions): HostShims {
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  /** The hook's own timeouts among `timeouts` (engine timers are not the hook's work). */
  const hookTimeouts = new Set<unknown>();
  let disposed = false;

  function callable(callback: unknown): (...args: unknown[]) => unknown {
    if (typeof callback !== 'function') {
      throw new TypeError(
        `The "callback" argument must be of type function. Received ${typeof callback}`,
      );
    }
    return callback as (...args: unknown[]) => unknown;
  }

  function startTimeout(
    callback: unknown,
    ms: unknown,
    args: unknown[],
    ofHook: boolean,
  ): HookTimer {
    const fn = callable(callback);
    const id: unknown = setTimeout(
      () => {
        timeouts.delete(id);
        hookTimeouts.delete(id);
        if (!disposed) guard(() => fn(...args));
      },
      Number(ms) || 0,
    );
    timeouts.add(id);
    if (ofHook) hookTimeouts.add(id);
    return new HookTimer(id);
  }

  /** An engine callback run later, guarded, not counted as the hook's timer. */
  function later(callback: () => void): void {
    startTimeout(callback, 0, [], false);
  }

  function clear(timer: unknown): void {
    const id = timer instanceof HookTimer ? timer.id : timer;
    hookTimeouts.delete(id);
    if (timeouts.delete(id)) clearTimeout(id);
    if (intervals.delete(id)) clearInterval(id);
  }

  return {
    setTimeout: (callback: unknown, ms?: unknown, ...args: unknown[]) =>
      startTimeout(callback, ms, args, true),
    setImmediate: (callback: unknown, ...args: unknown[]) => startTimeout(callback, 0, args, true),
    setInterval: (callback: unknown, ms?: unknown, ...args: unknown[]) => {
      const fn = callable(callback);
      const id: unknown = setInterval(
        () => {
          if (!disposed) guard(() => fn(...args));
        },
        Math.max(1, Number(ms) || 0),
      );
      intervals.add(id);
      return new HookTimer(id);
    },
    clearTimeout: clear,
    clearInterval: clear,
    clearImmediate: clear,
    // A fresh object per run: a hook may write to process.env, the next run must not see it.
    process: {
      env: {},
      version: NODE_VERSION,
      versions: { node: NODE_VERSION.slice(1), v8: '10.2.154.26-node.36', uv: '1.44.2' },
      release: { name: 'node', lts: 'Hydrogen' },
      platform: 'linux',
      arch: 'x64',
      argv: ['/usr/local/bin/node'],
      execArgv: [],
      pid: 1,
      title: 'node',
      cwd: () => '/',
      uptime: () => now() / 1000,
      hrtime: createHrtime(now),
      memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
      emitWarning: (warning: unknown) => {
        const text =
          warning instanceof Error ? `${warning.name}: ${warning.message}` : String(warning);
        warn(`(node) Warning: ${text}`);
      },
      stdout: createOutputStream(1, (text) => print('stdout', text), later),
      stderr: createOutputStream(2, (text) => print('stderr', text), later),
      nextTick: (callback: unknown, ...args: unknown[]) => {
        const fn = callable(callback);
        queueMicrotask(() => {
          if (!disposed) guard(() => fn(...args));
        });
      },
    },
    Buffer,
    defer: later,
    schedule: (callback: () => void, ms: number) => startTimeout(callback, ms, [], false),
    pendingTimers: () => hookTimeouts.size + intervals.size,
    dispose() {
      disposed = true;
      for (const id of timeouts) clearTimeout(id);
      for (const id of intervals) clearInterval(id);
      timeouts.clear();
      intervals.clear();
    },
  };
}
