/**
 * How often a batch is posted at most, while a hook keeps producing entries. The app takes
 * each batch into its state as it arrives, so this is also how often the results re-render.
 */
export const FLUSH_INTERVAL_MS = 40;

export interface BatchLimits {
  maxEntries: number;
  maxTextChars: number;
}

export interface BatcherOptions<T> {
  /** `dropped` counts the entries refused since the previous batch. */
  post(entries: T[], dropped: number): void;
  /**
   * What to buffer for an entry: itself, a replacement (e.g. a notice), or null to drop it.
   * `withinBudget` says whether the run's budget still allows it.
   */
  admit(entry: T, withinBudget: () => boolean): T | null;
  /** The characters an entry costs against the budget. */
  size(entry: T): number;
  limits: BatchLimits;
  /** Timer functions captured before the hook runs: the hook may overwrite the globals. */
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
  intervalMs?: number;
}

export interface Batcher<T> {
  push(entry: T): void;
  /** Posts what is buffered now; called before `settled` and `finished` so entries arrive first. */
  flush(): void;
}

/**
 * The worker's side of a stream to the host: entries are posted in batches (at most every
 * `intervalMs`), and a per-run budget bounds how much a hook in a tight loop can send, so
 * it cannot flood the app's main thread, where every entry is parsed and rendered.
 */
export function createBatcher<T>(options: BatcherOptions<T>): Batcher<T> {
  const { post, admit, size, limits, setTimer, clearTimer } = options;
  const intervalMs = options.intervalMs ?? FLUSH_INTERVAL_MS;
  let buffer: T[] = [];
  let dropped = 0;
  let timer: unknown = null;
  let entries = 0;
  let chars = 0;
  let exhausted = false;

  const withinBudget = (entry: T) => () => {
    if (exhausted) return false;
    entries += 1;
    chars += size(entry);
    exhausted = entries > limits.maxEntries || chars > limits.maxTextChars;
    return !exhausted;
  };

  function flush() {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (buffer.length === 0 && dropped === 0) return;
    const batch = buffer;
    const count = dropped;
    buffer = [];
    dropped = 0;
    post(batch, count);
  }

  function push(entry: T) {
    const admitted = admit(entry, withinBudget(entry));
    if (admitted === null) dropped += 1;
    else buffer.push(admitted);
    if (timer === null) timer = setTimer(flush, intervalMs);
  }

  return { push, flush };
}
