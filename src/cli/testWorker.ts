/**
 * Worker entry (a Node worker thread): runs one test's hook with the app's engine and posts
 * what happens to the CLI. The CLI enforces the timeout and the memory limit, and terminates
 * this worker when the run is over, so nothing here needs restoring.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { executeHook } from '../core/executeHook';
import { executeAction } from '../core/actions/executeAction';
import { MAX_LOGS_KEPT, REQUEST_LIMITS } from '../core/outputLimits';
import type { RunRequest } from '../core/schemas';
import type { WorkerMessage } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('testWorker runs only as a worker thread.');
const send = (message: WorkerMessage) => port.postMessage(message);
const request = workerData as RunRequest;

// The same caps as the app keeps, so a flood of output gives the same results.
let logs = 0;
let requests = 0;

// A hook that never calls back and waits on nothing would let Node end this thread early;
// in the browser it runs into its timeout, and so it does here.
setInterval(() => undefined, 2 ** 30);
send({ type: 'started' });
const execute = request.kind === 'action' ? executeAction : executeHook;
const { settled, finished } = execute(request, {
  onLog(entry) {
    if (logs++ < MAX_LOGS_KEPT) send({ type: 'log', entry });
  },
  onRequest(entry) {
    if (requests++ < REQUEST_LIMITS.maxEntries) send({ type: 'request', entry });
  },
  onStorage: (state) => send({ type: 'storage', state }),
  now: performance.now.bind(performance),
  installGlobals(globals) {
    // `globalThis.fetch(…)` goes through the network boundary too, as in the browser sandbox.
    const scope = globalThis as Record<string, unknown>;
    scope.fetch = globals.fetch;
    return () => undefined;
  },
  subscribeUncaught(handler) {
    // Listening keeps an escaped error from ending the worker: it is the run's outcome.
    process.on('uncaughtException', handler);
    process.on('unhandledRejection', handler);
    return () => {
      process.off('uncaughtException', handler);
      process.off('unhandledRejection', handler);
    };
  },
});

void (async () => {
  send({ type: 'settled', outcome: await settled });
  await finished;
  send({ type: 'finished' });
})();
