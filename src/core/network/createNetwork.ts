import type { ModuleMock, NetworkSettings, OutboundEntry } from '../networkSchemas';
import loadPorts from '../node/loadPorts.cjs';
import { createTrace, type Trace } from './createTrace';
import { host } from './hostApis';
import { createRequestRouter, type NetworkTimers, type RequestRouter } from './createRequestRouter';
import { createAutoMock } from './createAutoMock';
import { autoMockResultFinder } from './autoMockResults';
import { evaluateModuleMock, type HostBindings } from './evaluateModuleMock';
import type { ClientContext, EmitterConstructor } from './clients/clientContext';
import { createFetch } from './clients/createFetch';
import { createHttpModule } from './clients/createHttpModule';
import { createRequestModule } from './clients/createRequestModule';
import { createGot } from './clients/createGot';
import { createAxios } from './clients/createAxios';
import { createSlackNotify } from './clients/createSlackNotify';

// One run's network: the trace, the router, the clients a hook can require, its global
// fetch, and the module substitutes (module mocks and auto-mocks) from the settings.

export const NO_NETWORK: NetworkSettings = {
  mocks: [],
  allowNetwork: false,
  moduleMocks: [],
  autoMocks: [],
};

/** Names of the npm clients Hookpad provides (http and https are Node core modules). */
export const CLIENT_MODULES: readonly string[] = [
  'axios',
  'got',
  'node-fetch',
  'request',
  'slack-notify',
];

export interface SubstituteModule {
  exports: unknown;
  kind: 'mock' | 'auto-mock';
}

export interface ModuleSubstitutes {
  /** A module mock or auto-mock for `name`; `require` is what a mock's own code gets. */
  resolve(name: string, require: (id: unknown) => unknown): SubstituteModule | undefined;
}

export interface NetworkRuntime {
  trace: Trace;
  router: RequestRouter;
  /** The hook's global fetch. */
  fetch: unknown;
  /** Built-in clients by module name (http and https included), built on first require. */
  clients: Record<string, (version?: string) => unknown>;
  substitutes: ModuleSubstitutes;
  /** Requests sent and not yet answered or failed. */
  pendingRequests(): number;
}

export interface NetworkRuntimeOptions {
  settings?: NetworkSettings;
  timers: NetworkTimers;
  now(): number;
  start: number;
  onRequest?(entry: OutboundEntry): void;
  /** A runtime warning (e.g. an invalid mock pattern). */
  warn(text: string): void;
  /** The hook's console.log (a library's own messages). */
  log(text: string): void;
  /** What a module mock's code sees as its globals (the hook's). Set before any require. */
  host(): HostBindings;
}

export function createNetwork(options: NetworkRuntimeOptions): NetworkRuntime {
  const settings = options.settings ?? NO_NETWORK;
  const trace = createTrace({
    ...(options.onRequest ? { onEntry: options.onRequest } : {}),
    now: options.now,
    start: options.start,
  });
  // The host's own fetch, taken now: the host may then replace its global fetch with the
  // hook's routed one (see ExecuteHookOptions.installGlobals) without the router calling itself.
  const hostFetch = host().fetch;
  const routing = createRequestRouter({
    mocks: settings.mocks,
    allowNetwork: settings.allowNetwork,
    timers: options.timers,
    trace,
    now: options.now,
    warn: options.warn,
    ...(hostFetch ? { fetch: hostFetch.bind(globalThis) as typeof hostFetch } : {}),
  });
  // Counts requests in flight, so the end of a run can say what it cut (§7).
  let pending = 0;
  const settled = () => void pending--;
  const router: RequestRouter = {
    route(request) {
      pending++;
      const answer = routing.route(request);
      answer.then(settled, settled);
      return answer;
    },
  };
  let emitter: EmitterConstructor | undefined;
  const context: ClientContext = {
    router,
    timers: options.timers,
    get EventEmitter() {
      emitter ??= loadPorts.events() as EmitterConstructor;
      return emitter;
    },
    log: options.log,
  };
  const fetch = createFetch(context, 'fetch');
  const clients: Record<string, (version?: string) => unknown> = {
    http: () => createHttpModule(context, 'http:'),
    https: () => createHttpModule(context, 'https:'),
    'node-fetch': () => createFetch(context, 'node-fetch'),
    axios: (version) => createAxios(context, version),
    request: () => createRequestModule(context),
    got: (version) => createGot(context, version),
    'slack-notify': () => createSlackNotify(context),
  };

  const moduleMocks = new Map<string, ModuleMock>();
  for (const mock of settings.moduleMocks)
    if (!moduleMocks.has(mock.name)) moduleMocks.set(mock.name, mock);
  const autoMocks = new Set(settings.autoMocks);
  const findResult = autoMockResultFinder(settings.autoMockResults);
  const loaded = new Map<string, SubstituteModule & { module: { exports: unknown } }>();

  const substitutes: ModuleSubstitutes = {
    resolve(name, require) {
      const cached = loaded.get(name);
      if (cached) return { exports: cached.module.exports, kind: cached.kind };
      const mock = moduleMocks.get(name);
      if (mock) {
        const module = { exports: {} as unknown };
        const entry = { module, exports: undefined, kind: 'mock' as const };
        loaded.set(name, entry);
        try {
          evaluateModuleMock(mock, module, options.host(), require);
        } catch (error) {
          loaded.delete(name);
          throw error;
        }
        return { exports: module.exports, kind: 'mock' };
      }
      // An auto-mocked package covers its subpaths: the proxy is named for the path required
      // (`twilio/lib/rest/Twilio(…)`), docs/runtime-semantics.md §10.
      if (
        autoMocks.has(name) ||
        autoMocks.has(
          name
            .split('/')
            .slice(0, name.startsWith('@') ? 2 : 1)
            .join('/'),
        )
      ) {
        const proxy = createAutoMock(name, {
          trace,
          now: options.now,
          findResult,
          defer: (callback) => options.timers.setTimeout(callback, 0),
        });
        loaded.set(name, { module: { exports: proxy }, exports: proxy, kind: 'auto-mock' });
        return { exports: proxy, kind: 'auto-mock' };
      }
      return undefined;
    },
  };

  return { trace, router, fetch, clients, substitutes, pendingRequests: () => pending };
}
