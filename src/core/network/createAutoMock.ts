import type { JsonValue } from '../schemas';
import { serialize } from '../serialize';
import { locateInStack } from '../hookLocator';
import type { Trace } from './createTrace';
import type { FindAutoMockResult } from './autoMockResults';

// An auto-mocked module: a recording proxy. Any property read, call or `new` works; a call
// returns a value that is both callable and thenable, so
// `await twilio(sid, token).messages.create({ to, body })` works; a trailing function
// argument is called back Node-style. A call resolves (and calls back `(null, result)`) with
// the auto-mock result its call path matches — a fresh copy per call, plain JSON — or `{}`
// (docs/runtime-semantics.md §12). Every call or `new` is one OutboundEntry of kind 'sdk'.
// Inspecting the proxy (console.log, JSON.stringify, String) gives a short description
// instead of more proxies.

export interface AutoMockOptions {
  trace: Trace;
  now(): number;
  /** Runs a callback later on the run's guarded timers. */
  defer(callback: () => void): void;
  /** The auto-mock result rule for a call path; absent: every call gets `{}`. */
  findResult?: FindAutoMockResult;
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
   * `display` is the chain so far as it is shown once a further call follows: earlier calls
   * are elided to `(…)`, e.g. `twilio(…).messages`. `callPath` is the same chain without the
   * calls (`twilio.messages`), the syntax of result rules. A call's node carries `settled`:
   * what awaiting it gives.
   */
  function node(display: string, callPath: string, settled?: { value: unknown }): unknown {
    const describe = () => `[Auto-mock ${display}]`;
    const target = function autoMock() {};
    const result = settled?.value;
    return new Proxy(target, {
      get(_target, key) {
        if (typeof key === 'symbol') {
          if (key === Symbol.toPrimitive) return describe;
          if (key === Symbol.for('nodejs.util.inspect.custom')) return describe;
          return undefined;
        }
        if (settled && (key === 'then' || key === 'catch' || key === 'finally')) {
          const promise = Promise.resolve(result);
          const method = promise[key] as (...args: unknown[]) => unknown;
          return method.bind(promise);
        }
        // A set result's own fields read as plain values even without `await`.
        if (result !== null && typeof result === 'object' && Object.hasOwn(result, key)) {
          return (result as Record<string, unknown>)[key];
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
            return display;
          case 'length':
            return 0;
          case 'prototype':
            return {};
          case 'constructor':
            return Object;
          case '__esModule':
            return false;
          default:
            return node(`${display}.${key}`, `${callPath}.${key}`);
        }
      },
      set() {
        return true;
      },
      has() {
        return true;
      },
      apply(_target, _this, args: unknown[]) {
        return call(display, callPath, args, false);
      },
      construct(_target, args: unknown[]) {
        return call(display, callPath, args, true) as object;
      },
    });
  }

  function call(display: string, callPath: string, args: unknown[], isNew: boolean): unknown {
    const startedAt = options.now();
    const location = locateInStack(new Error().stack);
    const text = `${isNew ? 'new ' : ''}${display}(${args.map(summarizeArg).join(', ')})`;
    // A constructor gives an instance, never a result: only calls are matched.
    const answer = isNew ? undefined : options.findResult?.(name, callPath);
    options.trace.record({
      kind: 'sdk',
      client: name,
      answeredBy: 'sdk',
      call: text,
      args: args.map((arg) => serialize(arg)) as JsonValue[],
      durationMs: 0,
      startedAt,
      ...(isNew ? {} : { callPath }),
      ...(answer ? { resultRule: answer.rule } : {}),
      ...(location ? { location } : {}),
    });
    // Parsed per call: what one call's caller changes, the next call does not see.
    const value: unknown = answer ? JSON.parse(answer.resultText) : {};
    const last = args[args.length - 1];
    const method = callPath.slice(callPath.lastIndexOf('.') + 1);
    if (!isNew && typeof last === 'function' && !LISTENER_METHODS.has(method)) {
      options.defer(() => (last as (error: null, value: unknown) => void)(null, value));
    }
    const elided = `${isNew ? 'new ' : ''}${display}(…)`;
    return node(elided, callPath, isNew ? undefined : { value });
  }

  return node(name, name);
}
