import type { RunRequest } from '../schemas';
import type { ExecuteHookOptions } from '../executeHook';
import { createRunLifecycle, type ExecutingHook } from '../runLifecycle';
import { getPoint } from '../points';
import { validateBody } from '../validateBody';
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
  let environment: HookEnvironment | undefined;
  let actionApi: ActionApi | undefined;
  const lifecycle = createRunLifecycle({
    onLog: options.onLog,
    now: options.now,
    complete: (outcome) => {
      const requires = environment?.requires ?? [];
      return {
        ...outcome,
        ...(requires.length > 0 ? { requires: [...requires] } : {}),
        apiCalls: [...(actionApi?.calls ?? [])],
      };
    },
    onSettle: () => environment?.markAfterCallback(),
    // Only a completed Action keeps collecting after it settles (§18.5).
    failureGraceMs: () => 0,
  });
  const { sink, now, start, duration, fail, escaped, isFinished } = lifecycle;

  try {
    run();
  } catch (error) {
    // A bug in the engine itself: still an outcome, never a rejection.
    fail('thrown', serializeError(error));
  }
  return { settled: lifecycle.settled, finished: lifecycle.finished };

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
      addCleanup: lifecycle.addCleanup,
      isFinished,
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
      if (lifecycle.isSettled() || isFinished() || !actionApi) return;
      const result = actionOutcome(point.id, request.payload, actionApi.state);
      const keep = result.status === 'succeeded' && point.continuesAfterCallback;
      lifecycle.settle({ ...result, durationMs: duration() }, keep ? request.graceMs : 0);
    };
    // The platform awaits the handler: a plain return completes at once.
    Promise.resolve(returned).then(completed, (error: unknown) => escaped('rejected', error));
  }
}
