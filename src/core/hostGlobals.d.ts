// The few host facilities the pure engine may use. They exist in browsers, workers and
// Node alike; declaring them here (instead of pulling in the DOM or Node typings) keeps
// src/core honest about what it depends on.
declare function setTimeout(
  handler: (...args: unknown[]) => void,
  ms?: number,
  ...args: unknown[]
): unknown;
declare function clearTimeout(id: unknown): void;
declare function setInterval(
  handler: (...args: unknown[]) => void,
  ms?: number,
  ...args: unknown[]
): unknown;
declare function clearInterval(id: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare const performance: { now(): number };
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };

/** WHATWG URL, present in Node, browsers and workers alike. */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly href: string;
}
declare const URLSearchParams: unknown;
