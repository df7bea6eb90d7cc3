import type { CodeLocation } from '../../schemas';
import { locateInStack } from '../../hookLocator';
import type { NetworkTimers, RequestRouter } from '../createRequestRouter';

/** What every client gets from the run. */
export interface ClientContext {
  router: RequestRouter;
  /** The run's (guarded) timers: callbacks a hook's handler throws in fail the run. */
  timers: NetworkTimers;
  /** Node's EventEmitter (the npm port), for the stream-like clients. */
  EventEmitter: EmitterConstructor;
  /** The hook's console.log, for messages a library prints. */
  log(text: string): void;
}

export interface Emitter {
  on(event: string | symbol, listener: (...args: never[]) => void): this;
  once(event: string | symbol, listener: (...args: never[]) => void): this;
  emit(event: string | symbol, ...args: unknown[]): boolean;
  listenerCount(event: string | symbol): number;
  removeListener(event: string | symbol, listener: (...args: never[]) => void): this;
}

export type EmitterConstructor = new () => Emitter;

/** The line of the hook that is calling into a client right now. */
export function hookLocation(): CodeLocation | undefined {
  return locateInStack(new Error().stack);
}

/** Header names and values as strings; arrays joined like Node joins them. */
export function headerRecord(input: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!input || typeof input !== 'object') return headers;
  const forEach = (input as { forEach?: unknown }).forEach;
  if (typeof forEach === 'function' && !Array.isArray(input)) {
    (input as { forEach(cb: (value: string, name: string) => void): void }).forEach(
      (value, name) => {
        headers[name] = String(value);
      },
    );
    return headers;
  }
  if (Array.isArray(input)) {
    for (const pair of input as unknown[]) {
      if (Array.isArray(pair) && pair.length >= 2) headers[String(pair[0])] = String(pair[1]);
    }
    return headers;
  }
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    headers[name] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return headers;
}

export function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}

export function getHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : headers[key];
}
