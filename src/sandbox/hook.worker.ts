/**
 * Worker entry: runs exactly one hook. The frame hands it a private port once (`connect`);
 * the host's end of that port sends the run and receives every report.
 *
 * The hook runs in this same global scope, so everything the report depends on after the
 * hook has started (the port's postMessage, timers, the clock) is captured here first. A
 * hook can still sabotage its own report (it shares the realm), but never reach the host:
 * the host parses whatever arrives, and this worker dies with the run.
 */
import './installProcessGlobal';
import { executeHook } from '../core/executeHook';
import { executeAction } from '../core/actions/executeAction';
import { getPoint } from '../core/points';
import type { LogEntry } from '../core/schemas';
import { createLogBatcher } from './createLogBatcher';
import { createRequestBatcher } from './createRequestBatcher';
import type { FrameToWorker, HostToWorker, WorkerToHost } from './protocol';
import { createGuardedSend } from './createGuardedSend';
import { sealNetworkGlobals } from './sealNetworkGlobals';
import { packageTreeOf } from './packageBlobs';
import { provideLateModules } from './lateModules';

const scope = self;
const setTimer = scope.setTimeout.bind(scope);
const clearTimeoutCaptured = scope.clearTimeout.bind(scope);
const clearTimer = (id: unknown) => clearTimeoutCaptured(id as number);
const now = performance.now.bind(performance);
const addListener = scope.addEventListener.bind(scope);
const removeListener = scope.removeEventListener.bind(scope);

/**
 * Every request of the hook goes through the engine's network boundary: the global fetch
 * becomes the hook's routed one, and the transports and workers the boundary does not cover
 * refuse clearly. (This worker serves one run, so nothing needs restoring for a next one.)
 */
function installRoutedGlobals(globals: { fetch: unknown }): () => void {
  sealNetworkGlobals(scope, globals.fetch);
  return () => undefined;
}

function onConnect(event: MessageEvent) {
  // One port per worker: nothing the hook posts to itself later is taken as another one.
  removeListener('message', onConnect);
  const { port, lateModules } = event.data as FrameToWorker;
  provideLateModules(lateModules);
  const postToHost = port.postMessage.bind(port);
  port.onmessage = (run: MessageEvent) => {
    // One run per worker: the host sends exactly one.
    port.onmessage = null;
    const message = run.data as HostToWorker;
    if (message?.type !== 'run') {
      postToHost({ type: 'fault', message: 'Worker received no run' } satisfies WorkerToHost);
      return;
    }
    if (message.packages === undefined) {
      startRun(message, postToHost);
      return;
    }
    // The package tree comes as a Blob (packageBlobs.ts): read here, off the page's thread.
    packageTreeOf(message.packages).then(
      (packages) => startRun({ ...message, request: { ...message.request, packages } }, postToHost),
      (error: unknown) =>
        postToHost({
          type: 'fault',
          message: `The run's packages could not be read: ${String(error)}`,
        } satisfies WorkerToHost),
    );
  };
}

/** The request was validated by the host before it was sent (protocol.ts). */
function startRun({ runId, request }: HostToWorker, post: (message: WorkerToHost) => void) {
  // A message the structured clone refuses ends the run at once, clearly (§15).
  const send = createGuardedSend<WorkerToHost>(post);

  const batcher = createLogBatcher({
    post: (entries: LogEntry[]) => send({ type: 'log', runId, entries }),
    setTimer,
    clearTimer,
  });

  const requests = createRequestBatcher({
    post: ({ entries, dropped }) =>
      send({ type: 'request', runId, entries, ...(dropped > 0 ? { dropped } : {}) }),
    setTimer,
    clearTimer,
  });
  const flush = () => {
    batcher.flush();
    requests.flush();
  };

  // An Action run has the same options and report as a hook's (docs/runtime-semantics.md §18).
  const execute = request.kind === 'action' ? executeAction : executeHook;
  const { settled, finished } = execute(request, {
    onLog: batcher.push,
    onRequest: requests.push,
    // Logs first, so the host sees the storage change after the lines that led to it.
    onStorage(state) {
      flush();
      send({ type: 'storage', runId, state });
    },
    now,
    installGlobals: installRoutedGlobals,
    subscribeUncaught(handler) {
      // preventDefault keeps the error from surfacing as the Worker's `error` event in the
      // frame, which would otherwise be reported as a sandbox fault.
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        handler(e.error ?? e.message);
      };
      const onRejection = (e: PromiseRejectionEvent) => {
        e.preventDefault();
        handler(e.reason);
      };
      addListener('error', onError);
      addListener('unhandledrejection', onRejection);
      return () => {
        removeListener('error', onError);
        removeListener('unhandledrejection', onRejection);
      };
    },
  });

  // Sequential on purpose: logs and requests before `settled`, `settled` before `finished`,
  // whatever order the engine's promises happen to resolve in.
  void (async () => {
    const outcome = await settled;
    flush();
    send({ type: 'settled', runId, outcome });
    await finished;
    flush();
    send({ type: 'finished', runId });
  })();
}

/**
 * A standby worker runs a trivial hook through the whole path while it waits, so the
 * user's run does not pay first-time costs (the stack-line calibration, cold engine code).
 * Only compiled code survives it: the hook touches no shared state.
 */
function warmUp() {
  const point = getPoint('post-change-password');
  executeHook(
    {
      point: point.id,
      code: point.starterCode,
      payload: point.defaultPayload,
      secrets: {},
      graceMs: 0,
    },
    { onLog: () => undefined, now },
  );
}

addListener('message', onConnect);
warmUp();
