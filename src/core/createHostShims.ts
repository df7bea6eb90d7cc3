// Node-style timers and `process` for the hook. Every callback runs through `guard`, so an
// exception inside a timer becomes an 'async-throw' with its line instead of vanishing into
// the host's error handler. All timers are tracked so `dispose` can stop a finished run.

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
  /** Stops every pending timer and ignores callbacks that still arrive. */
  dispose(): void;
}

export const NODE_VERSION = 'v18.20.4';

export function createHostShims(guard: (callback: () => void) => void): HostShims {
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  let disposed = false;

  function callable(callback: unknown): (...args: unknown[]) => unknown {
    if (typeof callback !== 'function') {
      throw new TypeError(
        `The "callback" argument must be of type function. Received ${typeof callback}`,
      );
    }
    return callback as (...args: unknown[]) => unknown;
  }

  function startTimeout(callback: unknown, ms: unknown, args: unknown[]): HookTimer {
    const fn = callable(callback);
    const id: unknown = setTimeout(
      () => {
        timeouts.delete(id);
        if (!disposed) guard(() => fn(...args));
      },
      Number(ms) || 0,
    );
    timeouts.add(id);
    return new HookTimer(id);
  }

  function clear(timer: unknown): void {
    const id = timer instanceof HookTimer ? timer.id : timer;
    if (timeouts.delete(id)) clearTimeout(id);
    if (intervals.delete(id)) clearInterval(id);
  }

  return {
    setTimeout: (callback: unknown, ms?: unknown, ...args: unknown[]) =>
      startTimeout(callback, ms, args),
    setImmediate: (callback: unknown, ...args: unknown[]) => startTimeout(callback, 0, args),
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
    process: {
      env: {},
      version: NODE_VERSION,
      versions: { node: NODE_VERSION.slice(1) },
      platform: 'linux',
      arch: 'x64',
      argv: [],
      nextTick: (callback: unknown, ...args: unknown[]) => {
        const fn = callable(callback);
        queueMicrotask(() => {
          if (!disposed) guard(() => fn(...args));
        });
      },
    },
    dispose() {
      disposed = true;
      for (const id of timeouts) clearTimeout(id);
      for (const id of intervals) clearInterval(id);
      timeouts.clear();
      intervals.clear();
    },
  };
}
