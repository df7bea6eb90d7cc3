import type { EngineOutcome, FailureKind, RunRequest, SerializedError } from '../schemas';
import type { ExecuteHookOptions, ExecutingHook } from '../executeHook';
import { getPoint } from '../points';
import { validateBody } from '../validateBody';
import { createLogSink } from '../createLogSink';
import { serializeError } from '../serializeError';
import { parseSpecifier } from '../moduleSpecifier';
import { createHookEnvironment, type HookEnvironment } from '../createHookEnvironment';
import { compileAction } from './compileAction';
import { createActionApi, type ActionApi } from './createActionApi';
import { actionOutcome } from './actionOutcome';
import { eventFromPayload } from './eventFromPayload';
import { getActionTrigger } from './actionTriggers';

/** Actions take `require('x')` and list versions as dependencies; Node finds no 'x@1.2.3'. */
function versionedRequireError(specifier: string, name: string, version: string): Error {
  const error = new Error(
    `Cannot find module '${specifier}': Actions do not support versioned requires — require('${name}') and add ${name}@${version} to the Action's dependencies`,
  );
  (error as Error & { code: string }).code = 'MODULE_NOT_FOUND';
  return error;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Runs the request's code as an Action of the point's trigger (docs/runtime-semantics.md §18):
 * the same environment as a hook (require, console, network boundary, mocks, secrets), no
 * prelude, `exports.onExecute<Trigger>(event, api)` awaited. Its outcome is the one the hook
 * would have had for the same effect, plus the recorded `apiCalls`. Never throws or rejects;
 * the host owns the time limit, exactly as for a hook.
 */
export function executeAction(request: RunRequest, options: ExecuteHookOptions): ExecutingHook {
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
  let actionApi: ActionApi | undefined;

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

  function settle(settledAs: EngineOutcome, graceMs: number): void {
    const requires = environment?.requires ?? [];
    const calls = actionApi?.calls ?? [];
    outcome = {
      ...settledAs,
      ...(requires.length > 0 ? { requires: [...requires] } : {}),
      apiCalls: [...calls],
    };
    sink.markAfterCallback();
    environment?.markAfterCallback();
    resolveSettled(outcome);
    setTimeout(finish, graceMs);
  }

  function fail(kind: FailureKind, error: SerializedError): void {
    if (outcome) return;
    settle({ status: 'failed', kind, error, durationMs: duration() }, 0);
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
    const trigger = getActionTrigger(request.point);
    const bodyRaw = JSON.stringify(request.payload) ?? 'null';
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
    const require = (id: unknown) => {
      if (typeof id === 'string') {
        const { name, version } = parseSpecifier(id);
        if (version !== undefined) throw versionedRequireError(id, name, version);
      }
      return env.require(id);
    };
    actionApi = createActionApi(trigger, { now, start });

    const compiled = compileAction(request.code, env.globals, require);
    if (!compiled.ok) return fail('compile', compiled.error);
    // The payload is the hook's Runner body: the same check keeps the event mapping honest.
    const validation = validateBody(point, body);
    if (!validation.ok) return fail('invalid-body', { name: 'Error', message: validation.message });

    const exported = compiled.exports as Record<string, unknown> | null | undefined;
    const handler = exported?.[trigger.exportName];
    if (typeof handler !== 'function') {
      return fail('not-a-function', {
        name: 'TypeError',
        message: `exports.${trigger.exportName} is not a function (got ${typeName(handler)}): a ${trigger.id} Action exports ${trigger.exportName}`,
      });
    }
    const event = eventFromPayload(point.id, validation.body as never, request.secrets);
    let returned: unknown;
    try {
      returned = (handler as (...args: unknown[]) => unknown).call(exported, event, actionApi.api);
    } catch (error) {
      return escaped('thrown', error);
    }
    const completed = () => {
      if (outcome || isFinished || !actionApi) return;
      const result = actionOutcome(point.id, request.payload, actionApi.state);
      const keep = result.status === 'succeeded' && point.continuesAfterCallback;
      settle({ ...result, durationMs: duration() }, keep ? request.graceMs : 0);
    };
    // The platform awaits the handler: a plain return completes at once.
    Promise.resolve(returned).then(completed, (error: unknown) => escaped('rejected', error));
  }
}
