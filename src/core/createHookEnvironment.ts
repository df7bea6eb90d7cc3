import type { ModuleRequest, RunRequest, StorageState } from './schemas';
import type { OutboundEntry } from './networkSchemas';
import type { WebtaskContext } from './points/types';
import type { HostBindings } from './compileHook';
import type { LogSink } from './createLogSink';
import { createRequire } from './createRequire';
import { createPackageLoader } from './commonjs/createPackageLoader';
import { indexPackageTree } from './commonjs/packageTree';
import { createHostShims } from './createHostShims';
import { captureConsole } from './captureConsole';
import { createWebtaskContext } from './createWebtaskContext';
import { createWebtaskStorage } from './createWebtaskStorage';
import { createNetwork } from './network/createNetwork';

/** What the host running the engine lends to a hook's environment. */
export interface HookHostOptions {
  /** Lets the host report errors the engine cannot catch itself (unhandled rejections…). */
  subscribeUncaught?(handler: (error: unknown) => void): () => void;
  /**
   * Lets the host make the hook's routed `fetch` its global one too, so that
   * `globalThis.fetch(…)` goes through the network boundary like a bare `fetch(…)`.
   * Returns an undo, called when the run finishes.
   */
  installGlobals?(globals: { fetch: unknown }): () => void;
  /**
   * The hook's webtask storage after each successful `storage.set`, in order — including
   * writes during the after-callback grace period (they happen on the platform too).
   */
  onStorage?(state: StorageState): void;
  /**
   * The "Outbound requests" trace: one entry per HTTP request when it is answered or fails,
   * and one per auto-mocked SDK call — including during the after-callback grace period
   * (entries then marked `afterCallback`, like logs).
   */
  onRequest?(entry: OutboundEntry): void;
}

export interface HookEnvironmentOptions {
  request: RunRequest;
  /** The body the hook's arguments come from, and its JSON text (for `context.webtask`). */
  body: unknown;
  bodyRaw: string;
  /** Where the hook's console and the runtime's warnings write. */
  sink: LogSink;
  now(): number;
  start: number;
  host: HookHostOptions;
  /** An error thrown where the hook cannot catch it: a timer's callback, an unhandled rejection. */
  onUncaught(error: unknown): void;
  /** Registers an undo, run once when the run finishes (also if building stopped half-way). */
  addCleanup(cleanup: () => void): void;
  isFinished(): boolean;
}

export interface HookEnvironment {
  /** The globals the hook's module sees: timers, process, console, fetch… */
  globals: HostBindings;
  require(id: unknown): unknown;
  /** Each distinct module the hook required, in order; the outcome reports them. */
  requires: readonly ModuleRequest[];
  /** Builds `context.webtask`, with the hook's storage, for the call of the hook. */
  createWebtask(pointId: RunRequest['point']): WebtaskContext;
  /** Outbound requests recorded from now on are marked `afterCallback`, like logs. */
  markAfterCallback(): void;
  /** The hook's work still under way: requests not yet answered, its timers not yet run. */
  pendingWork(): PendingWork;
}

export interface PendingWork {
  requests: number;
  timers: number;
}

/**
 * Builds what a hook runs in, the way the platform's webtask provided it: Node-like globals
 * and timers, the captured console, `require` with its built-in and mocked modules, the
 * network boundary, and `context.webtask` with its storage. Undos go to `addCleanup`.
 */
export function createHookEnvironment(options: HookEnvironmentOptions): HookEnvironment {
  const { request, sink, now, start, host: hostOptions, addCleanup } = options;
  const requires: ModuleRequest[] = [];

  const guard = (callback: () => void) => {
    try {
      callback();
    } catch (error) {
      options.onUncaught(error);
    }
  };
  const shims = createHostShims({
    guard,
    now,
    warn: (text) => sink.emit({ level: 'warn', source: 'hook', text }),
    print: (stream, text) =>
      sink.emit({ level: stream === 'stdout' ? 'log' : 'error', source: 'hook', text }),
  });
  addCleanup(() => shims.dispose());
  if (hostOptions.subscribeUncaught) {
    addCleanup(hostOptions.subscribeUncaught((error) => options.onUncaught(error)));
  }

  const console = captureConsole(sink, now);
  const call = (fn: unknown) => fn as (...args: unknown[]) => unknown;
  const runtime = createNetwork({
    ...(request.network ? { settings: request.network } : {}),
    timers: {
      setTimeout: (callback, ms) => shims.schedule(callback, ms),
      clearTimeout: (timer) => call(shims.clearTimeout)(timer),
    },
    now,
    start,
    ...(hostOptions.onRequest ? { onRequest: hostOptions.onRequest } : {}),
    warn: (text) => sink.emit({ level: 'warn', source: 'runtime', text }),
    log: (text) => call(console.log)(text),
    host: () => globals,
  });
  addCleanup(() => runtime.trace.close());
  if (hostOptions.installGlobals) addCleanup(hostOptions.installGlobals({ fetch: runtime.fetch }));
  const globals: HostBindings = { ...shims, console, global: globalThis, fetch: runtime.fetch };
  const require = createRequire({
    env: {
      defer: shims.defer,
      setTimeout: (callback, ms) => void call(shims.setTimeout)(callback, ms),
      now,
      globals: shims,
    },
    onRequest: (module) => requires.push(module),
    warn: (text, location) => sink.emit({ level: 'warn', source: 'runtime', text, location }),
    clients: runtime.clients,
    substitutes: runtime.substitutes,
    // Indexed once per run: the worker serves one run, so a package is evaluated once in it.
    ...(request.packages
      ? { packages: createPackageLoader(indexPackageTree(request.packages), globals) }
      : {}),
  });

  function createWebtask(pointId: RunRequest['point']): WebtaskContext {
    const storage = createWebtaskStorage({
      initial: request.storage,
      defer: shims.defer,
      onChange: (state) => {
        if (options.isFinished()) return;
        try {
          hostOptions.onStorage?.(state);
        } catch {
          // The host's listener failing must not turn into a hook error.
        }
      },
    });
    return createWebtaskContext({
      point: pointId,
      body: options.body,
      bodyRaw: options.bodyRaw,
      secrets: request.secrets,
      storage,
    });
  }

  return {
    globals,
    require,
    requires,
    createWebtask,
    markAfterCallback: () => runtime.trace.markAfterCallback(),
    pendingWork: () => ({ requests: runtime.pendingRequests(), timers: shims.pendingTimers() }),
  };
}
