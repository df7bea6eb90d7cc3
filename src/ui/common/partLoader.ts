import { loadOnce } from '../../core/loadOnce';

/** Where a lazily loaded view's code stands. The same object until it changes. */
export type PartState<T> =
  | { readonly status: 'pending' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

export interface PartLoader<T> {
  state(): PartState<T>;
  subscribe(listener: () => void): () => void;
  /**
   * Asks for the code of a view that is shown now. A failure is kept (the view shows it)
   * until renewFailedParts: asking again on every render would fail, and ask, without end.
   */
  request(): void;
  /** Asks ahead (hover, focus, after start-up). A failure is not kept: the view asks again. */
  preload(): void;
}

const PENDING = { status: 'pending' } as const;

/** What each failed loader does to ask anew. */
const renewals = new Set<() => void>();

/** Failed views ask for their code again the next time they are shown ("Try again"). */
export function renewFailedParts(): void {
  for (const renew of [...renewals]) renew();
}

/**
 * The code of a view that the first paint does not need, as a small store the view
 * subscribes to. A view whose code has arrived renders it at once, in the same commit as
 * whatever opened it; one that has to wait shows its stand-in and re-renders when the code
 * arrives. React.lazy suspends even for code that is already here, and React then holds a
 * suspended view's content back until 300 ms after its stand-in appeared: every dialog and
 * editor opened late by that much (README, Architecture).
 */
export function createPartLoader<T>(load: () => Promise<T>): PartLoader<T> {
  const get = loadOnce(load);
  let current: PartState<T> = PENDING;
  let requested = false;
  const listeners = new Set<() => void>();
  const set = (next: PartState<T>) => {
    current = next;
    for (const listener of [...listeners]) listener();
  };
  const arrive = (value: T) => {
    if (current.status !== 'loaded') set({ status: 'loaded', value });
  };
  function renew() {
    renewals.delete(renew);
    if (current.status === 'failed') set(PENDING);
  }
  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    request() {
      if (requested || current.status !== 'pending') return;
      requested = true;
      get().then(arrive, (error: unknown) => {
        requested = false;
        if (current.status !== 'pending') return;
        renewals.add(renew);
        set({ status: 'failed', error });
      });
    },
    preload() {
      if (current.status === 'pending') get().then(arrive, () => undefined);
    },
  };
}
