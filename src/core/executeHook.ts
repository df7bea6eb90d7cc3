import type { EngineOutcome, LogEntry, RunRequest } from './schemas';
import { getPoint } from './points';
import { bodyFailure, validateBody } from './validateBody';
import { compileHook } from './compileHook';
import { authorizationError, requestHeaders } from './extensionSecret';
import { createRunLifecycle, type ExecutingHook } from './runLifecycle';
import { serializeCallbackError, serializeError } from './serializeError';
import { capResponse } from './capResponse';
import { platformView } from './platformView';
import { watchLateCallbacks } from './watchLateCallbacks';
import {
  bodyCrashNote,
  LATE_ESCAPE_NOTE,
  PROMISE_SETTLED_WITHOUT_CB,
  UNAUTHORIZED_NOTE,
  unserializableErrorNote,
} from './runtimeMessages';
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

export type { ExecutingHook };

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
  let environment: HookEnvironment | undefined;
  const lifecycle = createRunLifecycle({
    onLog: options.onLog,
    now: options.now,
    complete: (outcome) => {
      const requires = environment?.requires ?? [];
      return requires.length > 0 ? { ...outcome, requires: [...requires] } : outcome;
    },
    onSettle: () => environment?.markAfterCallback(),
    // Every point keeps running after cb, cb(err) included: the platform's process went on (§7).
    failureGraceMs: (kind) =>
      kind === 'callback-error' || kind === 'unserializable' ? request.graceMs : 0,
    pendingWork: () => environment?.pendingWork() ?? { requests: 0, timers: 0 },
    lateEscapeNote: LATE_ESCAPE_NOTE,
  });
  const { sink, now, start, duration, fail, escaped } = lifecycle;
  const isFinished = lifecycle.isFinished;
  const late = watchLateCallbacks(sink);

  try {
    run();
  } catch (error) {
    // A bug in the engine itself: still an outcome, never a rejection.
    fail('thrown', serializeError(error));
  }
  return { settled: lifecycle.settled, finished: lifecycle.finished };

  function run(): void {
    const point = getPoint(request.point);
    const bodyRaw = JSON.stringify(request.payload) ?? 'null';
    // A fresh copy: the hook may mutate its arguments, the request must stay intact.
    const body: unknown = JSON.parse(bodyRaw);

    const env = createHookEnvironment({
      request,
      body,
      bodyRaw,
      sink: late.hookSink,
      now,
      start,
      host: options,
      onUncaught: (error) => escaped('async-throw', error),
      addCleanup: lifecycle.addCleanup,
      isFinished,
    });
    environment = env;
    // The platform compiled (and ran the module's top level) before it looked at the body,
    // so a compile error wins over an invalid body.
    const compiled = compileHook(request.code, point.errorClasses, env.globals, env.require);
    if (!compiled.ok) return fail('compile', compiled.error);

    // The platform checked its own Authorization header before it looked at the body (§3).
    const unauthorized = authorizationError(
      request.secrets,
      requestHeaders(request.secrets, bodyRaw),
    );
    if (unauthorized) {
      sink.emit({ level: 'error', source: 'runtime', text: UNAUTHORIZED_NOTE });
      return fail('invalid-body', unauthorized);
    }
    const validation = validateBody(point, body);
    if (!validation.ok) {
      const failure = bodyFailure(validation);
      if (validation.crash) {
        const answered = validation.crash.answered;
        sink.emit({
          level: 'error',
          source: 'runtime',
          text: bodyCrashNote(failure.error, answered),
        });
      }
      return fail(failure.kind, failure.error);
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
      if (lifecycle.isSettled() || isFinished()) return late.lateCall(calls);
      // The platform tests the error argument for truthiness: cb(0, x) and cb('', x) succeed.
      if (error) {
        const answer = serializeCallbackError(error);
        if (answer.replaced) {
          const { location } = answer.replaced;
          const text = unserializableErrorNote(answer.replaced);
          sink.emit({ level: 'warn', source: 'runtime', text, ...(location ? { location } : {}) });
        }
        return fail('callback-error', answer.error);
      }
      succeed(point.normalizeResponse(value));
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

  function succeed(value: unknown): void {
    // Claim the outcome first: a toJSON that calls cb again must see a settled run.
    const placeholder: EngineOutcome = { status: 'succeeded', durationMs: duration() };
    lifecycle.claim(placeholder);
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      lifecycle.release();
      return fail('unserializable', { name: 'Error', message: UNSERIALIZABLE_MESSAGE });
    }
    // Bounded by size and depth for the trip to the app (docs/runtime-semantics.md §13).
    const shown = capResponse(json, (response) =>
      platformView(request.point, request.payload, { ...placeholder, response }),
    );
    if (!shown.ok) {
      lifecycle.release();
      return fail('unserializable', shown.error);
    }
    lifecycle.settle({ ...placeholder, ...shown.fields }, request.graceMs);
  }

  /** Said at once, not at the timeout: the platform would simply have waited for cb. */
  function promiseSettled(): void {
    if (lifecycle.isSettled() || isFinished()) return;
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
