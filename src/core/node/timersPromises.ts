// Node's `timers/promises` on the run's guarded timers, so a pending `await setTimeout(…)`
// is work the run waits for like any timer (docs/runtime-semantics.md §10).

export interface TimerEnvironment {
  /** The run's setTimeout (guarded: it stops with the run). */
  setTimeout(callback: () => void, ms: number): void;
}

export function createTimersPromises(env: TimerEnvironment): Record<string, unknown> {
  const wait = <T>(ms: unknown, value: T): Promise<T> =>
    new Promise((resolve) => env.setTimeout(() => resolve(value), Math.max(0, Number(ms) || 0)));
  return {
    setTimeout: <T>(ms?: unknown, value?: T) => wait(ms, value),
    setImmediate: <T>(value?: T) => wait(0, value),
    scheduler: { wait: (ms: unknown) => wait(ms, undefined) },
  };
}
