import type { JsonValue } from '../schemas';
import { serialize } from '../serialize';
import { locateInStack } from '../hookLocator';
import type { Trace } from './createTrace';

// An auto-mocked module: a recording proxy. Any property read, call or `new` works; a call
// returns a value that is both callable and thenable (resolving to `{}`), so
// `await twilio(sid, token).messages.create({ to, body })` works; a trailing function
// argument is called back as `(null, {})` (Node-style SDK callbacks). Every call or `new`
// is one OutboundEntry of kind 'sdk'. Inspecting the proxy (console.log, JSON.stringify,
// String) gives a short description instead of more proxies.

export interface AutoMockOptions {
  trace: Trace;
  now(): number;
  /** Runs a callback later on the run's guarded timers. */
  defer(callback: () => void): void;
}

const STRING_LIMIT = 24;
/** Methods that register listeners: their function argument is not a completion callback. */
const LISTENER_METHODS = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'addEventListener',
  'removeListener',
  'off',
  'subscribe',
  'map',
  'forEach',
  'filter',
]);

/** One argument as the call text shows it: `{to, body}`, `'hello…'`, `[2 items]`. */
export function summarizeArg(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > STRING_LIMIT ? `${value.slice(0, STRING_LIMIT)}…` : value;
    return `'${short}'`;
  }
  if (typeof value === 'function') return 'ƒ';
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  if (value && typeof value === 'object') {
    try {
      const keys = Object.keys(value);
      return keys.length > 6 ? `{${keys.slice(0, 6).join(', ')}, …}` : `{${keys.join(', ')}}`;
    } catch {
      return '{…}';
    }
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  return String(value);
}

export function createAutoMock(name: string, options: AutoMockOptions): unknown {
  /**
   * `path` is the chain so far as it is shown once a further call follows: earlier calls
   * are elided to `(…)`, e.g. `twilio(…).messages`.
   */
  function node(path: string, thenable: boolean): unknown {
    const describe = () => `[Auto-mock ${path}]`;
    const target = function autoMock() {};
    return new Proxy(target, {
      get(_target, key) {
        if (typeof key === 'symbol') {
          if (key === Symbol.toPrimitive) return describe;
          if (key === Symbol.for('nodejs.util.inspect.custom')) return describe;
          return undefined;
        }
        if (thenable && (key === 'then' || key === 'catch' || key === 'finally')) {
          const settled = Promise.resolve({});
          const method = settled[key] as (...args: unknown[]) => unknown;
          return method.bind(settled);
        }
        switch (key) {
          case 'then':
            return undefined;
          case 'toJSON':
          case 'toString':
          case 'valueOf':
          case 'inspect':
            return describe;
          case 'name':
            return path;
          case 'length':
            return 0;
          case 'prototype':
            return {};
          case 'constructor':
            return Object;
          case '__esModule':
            return false;
          default:
            return node(`${path}.${key}`, false);
        }
      },
      set() {
        return true;
      },
      has() {
        return true;
      },
      apply(_target, _this, args: unknown[]) {
        return call(path, args, false);
      },
      construct(_target, args: unknown[]) {
        return call(path, args, true) as object;
      },
    });
  }

  function call(path: string, args: unknown[], isNew: boolean): unknown {
    const startedAt = options.now();
    const location = locateInStack(new Error().stack);
    const text = `${isNew ? 'new ' : ''}${path}(${args.map(summarizeArg).join(', ')})`;
    options.trace.record({
      kind: 'sdk',
      client: name,
      answeredBy: 'sdk',
      call: text,
      args: args.map((arg) => serialize(arg)) as JsonValue[],
      durationMs: 0,
      startedAt,
      ...(location ? { location } : {}),
    });
    const last = args[args.length - 1];
    const method = path.slice(path.lastIndexOf('.') + 1);
    if (!isNew && typeof last === 'function' && !LISTENER_METHODS.has(method)) {
      options.defer(() => (last as (error: null, value: object) => void)(null, {}));
    }
    const elided = `${isNew ? 'new ' : ''}${path}(…)`;
    return node(elided, !isNew);
  }

  return node(name, false);
}
