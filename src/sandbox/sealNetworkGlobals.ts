/** What a hook gets from `new Worker(…)` (docs/runtime-semantics.md §12). */
export const WORKERS_UNAVAILABLE =
  'Workers are not available in hooks: a hook runs as one Node.js function (Node has no global Worker), and its requests go through the network boundary';

/** The transports the network boundary does not cover: each refuses clearly. */
const TRANSPORTS = [
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
];

/**
 * Globals that would start a fresh realm, or load code from elsewhere, with the browser's own
 * fetch in it: a request from there would leave unseen by the trace when the network is
 * allowed.
 */
const REALMS = ['Worker', 'SharedWorker', 'importScripts'];

/**
 * Makes the hook's routed fetch the only way out of the hook's worker (docs/runtime-semantics.md
 * §12, §15). `fetch` and `importScripts` live on the global scope's prototype
 * (WorkerGlobalScope.prototype), so replacing the global alone would let
 * `delete self.fetch` or `WorkerGlobalScope.prototype.fetch.call(self, …)` reach the browser's
 * fetch: every object of the scope's prototype chain that holds one of these names gets the
 * replacement, and none of them can be deleted. The engine took the host's fetch before this.
 */
export function sealNetworkGlobals(scope: object, routedFetch: unknown): void {
  pin(scope, 'fetch', routedFetch);
  for (const name of TRANSPORTS) {
    pin(
      scope,
      name,
      refuse(
        `${name} is not available in Hookpad: use fetch, axios, request, got or http(s), which go through the network boundary`,
      ),
    );
  }
  for (const name of REALMS) pin(scope, name, refuse(WORKERS_UNAVAILABLE));
}

function refuse(message: string) {
  return function unavailable(): never {
    throw new Error(message);
  };
}

function pin(scope: object, name: string, value: unknown): void {
  for (
    let holder: object | null = scope;
    holder;
    holder = Object.getPrototypeOf(holder) as object | null
  ) {
    if (holder !== scope && !Object.prototype.hasOwnProperty.call(holder, name)) continue;
    // Writable, so a hook may still assign its own global (it only affects itself).
    Object.defineProperty(holder, name, {
      value,
      writable: true,
      configurable: false,
      enumerable: false,
    });
  }
}
