import { describe, expect, test } from 'vitest';
import { sealNetworkGlobals, WORKERS_UNAVAILABLE } from './sealNetworkGlobals';

/** A global scope shaped like a dedicated worker's in Chromium (checked there). */
function workerScope() {
  const browserFetch = () => 'sent by the browser';
  const workerGlobalScopeProto = { fetch: browserFetch, importScripts: () => 'loaded' };
  const dedicatedProto = Object.create(workerGlobalScopeProto) as object;
  const scope = Object.create(dedicatedProto) as Record<string, unknown>;
  Object.assign(scope, {
    XMLHttpRequest: class {},
    WebSocket: class {},
    WebSocketStream: class {},
    EventSource: class {},
    Worker: class {},
  });
  return { scope, workerGlobalScopeProto, browserFetch };
}

const routed = () => 'routed';

describe('sealNetworkGlobals', () => {
  test('fetch is the routed one on the scope and where the browser keeps it', () => {
    const { scope, workerGlobalScopeProto } = workerScope();
    sealNetworkGlobals(scope, routed);
    expect(scope.fetch).toBe(routed);
    expect(workerGlobalScopeProto.fetch).toBe(routed);
  });

  test('deleting the global or assigning over it never uncovers the browser fetch', () => {
    const { scope, browserFetch } = workerScope();
    sealNetworkGlobals(scope, routed);
    expect(Reflect.deleteProperty(scope, 'fetch')).toBe(false);
    scope.fetch = () => 'own';
    for (let holder: object | null = scope; holder; holder = Object.getPrototypeOf(holder)) {
      expect(Object.getOwnPropertyDescriptor(holder, 'fetch')?.value).not.toBe(browserFetch);
    }
  });

  test('new Worker, importScripts and SharedWorker refuse: a nested worker would have the browser fetch', () => {
    const { scope, workerGlobalScopeProto } = workerScope();
    sealNetworkGlobals(scope, routed);
    const Worker = scope.Worker as new (url: string) => unknown;
    expect(() => new Worker('blob:x')).toThrow(WORKERS_UNAVAILABLE);
    expect(() => (scope.importScripts as (url: string) => void)('blob:x')).toThrow(
      WORKERS_UNAVAILABLE,
    );
    expect(() => workerGlobalScopeProto.importScripts()).toThrow(WORKERS_UNAVAILABLE);
    expect(() => (scope.SharedWorker as () => void)()).toThrow(WORKERS_UNAVAILABLE);
    expect(Reflect.deleteProperty(scope, 'Worker')).toBe(false);
  });

  test('the transports the boundary does not cover refuse clearly', () => {
    const { scope } = workerScope();
    sealNetworkGlobals(scope, routed);
    for (const name of ['XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource']) {
      expect(() => new (scope[name] as new () => unknown)()).toThrow(
        `${name} is not available in Hookpad`,
      );
    }
  });
});
