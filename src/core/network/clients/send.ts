import { createAbort, type AbortSignalLike } from '../hostApis';
import type { InboundResponse, OutboundRequest } from '../createRequestRouter';
import type { ClientContext } from './clientContext';

/**
 * Routes one request with an optional time limit (the run's timers): past it the request is
 * aborted and rejected with `timeoutError()`.
 */
export function sendWithTimeout(
  context: ClientContext,
  request: Omit<OutboundRequest, 'signal'> & { signal?: AbortSignalLike },
  timeoutMs: number,
  timeoutError: () => unknown,
): Promise<InboundResponse> {
  if (!(timeoutMs > 0)) return context.router.route(request);
  const abort = createAbort();
  request.signal?.addEventListener('abort', () => abort.abort(request.signal?.reason), {
    once: true,
  });
  const timer = context.timers.setTimeout(() => abort.abort(timeoutError()), timeoutMs);
  const routed = context.router.route({ ...request, signal: abort.signal });
  return routed.finally(() => context.timers.clearTimeout(timer));
}

/** `a[b]=1&c[0]=x`-style encoding (the qs library's defaults, as request and got used them). */
export function stringifyQuery(value: unknown): string {
  const parts: string[] = [];
  const add = (key: string, item: unknown): void => {
    if (item === undefined) return;
    if (item === null) return void parts.push(encodeURIComponent(key) + '=');
    if (Array.isArray(item)) return item.forEach((entry, index) => add(`${key}[${index}]`, entry));
    if (item instanceof Date) return add(key, item.toISOString());
    if (typeof item === 'object') {
      for (const [name, entry] of Object.entries(item as Record<string, unknown>)) {
        add(`${key}[${name}]`, entry);
      }
      return;
    }
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  };
  if (typeof value === 'string') return value.replace(/^\?/, '');
  if (value && typeof value === 'object') {
    const forEach = (value as { forEach?: unknown }).forEach;
    if (typeof forEach === 'function' && !Array.isArray(value) && 'append' in value) {
      return String(value); // URLSearchParams
    }
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) add(name, entry);
  }
  return parts.join('&');
}

/** The URL with a query string appended (after any query it already has). */
export function withQuery(url: string, query: string): string {
  if (!query) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}${query}${hash === -1 ? '' : url.slice(hash)}`;
}
