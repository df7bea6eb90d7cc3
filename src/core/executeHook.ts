import type { EngineOutcome, FailureKind, LogEntry, RunRequest, SerializedError } from './schemas';
import { getPoint } from './points';
import { validateBody } from './validateBody';
import { compileHook } from './compileHook';
import { createLogSink } from './createLogSink';
import { serializeError } from './serializeError';
import { locateInStack } from './hookLocator';
import { PROMISE_SETTLED_WITHOUT_CB } from './runtimeMessages';
import {
  createHookEnvironment,
  type HookEnvironment,
  type HookHostOptions,
} from './createHookEnvironment';

export { PROMISE_SETTLED_WITHOUT_CB };

export interface ExecuteHookOptions extends HookHostOptions {
  onLog(entry: LogEntry): void;
  now?(): number;
}

export interface ExecutingHook {
  /** The outcome, from the first of: cb, a throw, a rejection, an escaped async error. */
  settled: Promise<EngineOutcome>;
  /** Resolves when the run stops producing logs (after the grace period, if any). */
  finished: Promise<void>;
}

export const UNSERIALIZABLE_MESSAGE =
  'Error when JSON serializing the result of the extension point';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Runs one hook the way the platform's compiler and webtask did (docs/runtime-semantics.md §5, §7,
 * §9). Never throws and never rejects: every failure is an outcome. The host owns the time limit
 * and terminates the worker; the engine owns the callback contract.
 */
export function executeHook(request: RunRequest, options: ExecuteHookOptions): ExecutingHook {
  const now = options.now ?? (() => performance.now());
  const start = now();
  let resolveSettled!: (outcome: EngineOutcome) => void;
  let resolveFinished!: () => void;
  const settled = new Promise<EngineOutcome>((resolve) => (resolveSettled = resolve));
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));

  const sink = createLogSink({ onLog: options.onLog, now, start });
  const cleanups: (() => void)[] = [];
  let outcome: EngineOutcome | undefined;
  let isFinished = false;
  let environment: HookEnvironment | undefined;

  const duration = () => Math.max(0, now() - start);

  function finish(): void {
    if (isFinished) return;
    isFinished = true;
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // Cleanup is best effort; the worker is discarded anyway.
      }
    }
    sink.close();
    resolveFinished();
  }

  function settle(settledAs: EngineOutcome, keepCollecting: boolean, graceMs: number): void {
    const requires = environment?.requires ?? [];
    const result = requires.length > 0 ? { ...settledAs, requires: [...requires] } : settledAs;
    outcome = result;
    sink.markAfterCallback();
    environment?.markAfterCallback();
    resolveSettled(result);
    // Even without a grace period, let the current task end so logs written right after
    // cb() (in the same tick) are still delivered.
    setTimeout(finish, keepCollecting ? graceMs : 0);
  }

  function fail(kind: FailureKind, error: SerializedError): void {
    if (outcome) return;
    const point = tryPoint();
    const keep = kind === 'callback-error' && point?.continuesAfterCallback === true;
    settle({ status: 'failed', kind, error, durationMs: duration() }, keep, request.graceMs);
  }

  function tryPoint() {
    try {
      return getPoint(request.point);
    } catch {
      return undefined;
    }
  }

  /** An error nobody awaited: it fails the run, or is logged if the run already settled. */
  function escaped(kind: FailureKind, error: unknown): void {
    if (isFinished) return;
    const serialized = serializeError(error);
    if (!outcome) return fail(kind, serialized);
    sink.emit({
      level: 'error',
      source: 'runtime',
      text: `Uncaught ${serialized.name}: ${serialized.message} (after the run had settled)`,
      args: [],
      location: serialized.location,
    });
  }

  try {
    run();
  } catch (error) {
    // A bug in the engine itself: still an outcome, never a rejection.
    fail('thrown', serializeError(error));
  }
  return { settled, finished };

  function run(): void {
    const point = getPoint(request.point);
    const bodyRaw = JSON.stringify(request.payload) ?? 'null';
    // A fresh copy: the hook may mutate its arguments, the request must stay intact.
    const body: unknown = JSON.parse(bodyRaw);

    const env = createHookEnvironment({
      request,
      body,
      bodyRaw,
      sink,
      now,
      start,
      host: options,
      onUncaught: (error) => escaped('async-throw', error),
      addCleanup: (cleanup) => cleanups.push(cleanup),
      isFinished: () => isFinished,
    });
    environment = env;
    // The platform compiled (and ran the module's top level) before it looked at the body,
    // so a compile error wins over an invalid body.
    const compiled = compileHook(request.code, point.errorClasses, env.globals, env.require);
    if (!compiled.ok) return fail('compile', compiled.error);

    const validation = validateBody(point, body);
    if (!validation.ok) {
      return fail('invalid-body', { name: 'Error', message: validation.message });
    }
    const hook = compiled.exports;
    if (typeof hook !== 'function') {
      return fail('not-a-function', {
        name: 'TypeError',
        message: `module.exports is not a function (got ${typeName(hook)})`,
      });
    }

    let calls = 0;
    const cb = (error?: unknown, value?: unknown) => {
      calls++;
      if (outcome || isFinished) {
        const text =
          calls > 1
            ? `cb was called again (call #${calls}) — ignored; the platform would have crashed the request`
            : 'cb was called after the run had already failed — ignored';
        sink.emit({
          level: 'warn',
          source: 'runtime',
          text,
          location: locateInStack(new Error().stack),
        });
        return;
      }
      // The platform tests the error argument for truthiness: cb(0, x) and cb('', x) succeed.
      if (error) return fail('callback-error', serializeError(error));
      succeed(point.normalizeResponse(value), point.continuesAfterCallback);
    };

    const webtask = env.createWebtask(point.id);
    const args = point.toArgs(validation.body, webtask);
    let returned: unknown;
    try {
      returned = (hook as (...args: unknown[]) => unknown).apply(undefined, [...args, cb]);
    } catch (error) {
      return escaped('thrown', error);
    }
    watchPromise(returned);
  }

  function succeed(value: unknown, keepCollecting: boolean): void {
    // Claim the outcome first: a toJSON that calls cb again must see a settled run.
    const placeholder: EngineOutcome = { status: 'succeeded', durationMs: duration() };
    outcome = placeholder;
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      outcome = undefined;
      return fail('unserializable', { name: 'Error', message: UNSERIALIZABLE_MESSAGE });
    }
    const result: EngineOutcome =
      json === undefined ? placeholder : { ...placeholder, response: JSON.parse(json) };
    settle(result, keepCollecting, request.graceMs);
  }

  /** Said at once, not at the timeout: the platform would simply have waited for cb. */
  function promiseSettled(): void {
    if (outcome || isFinished) return;
    sink.emit({ level: 'warn', source: 'runtime', text: PROMISE_SETTLED_WITHOUT_CB });
  }

  function watchPromise(returned: unknown): void {
    if (typeof returned !== 'object' && typeof returned !== 'function') return;
    if (returned === null) return;
    try {
      const then = (returned as { then?: unknown }).then;
      if (typeof then !== 'function') return;
      then.call(returned, promiseSettled, (error: unknown) => escaped('rejected', error));
    } catch (error) {
      escaped('thrown', error);
    }
  }
}
