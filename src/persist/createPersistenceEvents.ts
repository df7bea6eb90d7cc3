import type { PersistenceEvent } from './persistenceEvent';

/** Events kept for the first subscriber; beyond this, the oldest news is stale anyway. */
const HELD_EVENTS_LIMIT = 100;

export interface PersistenceEvents {
  emit(event: PersistenceEvent): void;
  /** Events raised before anyone subscribed are delivered to the first subscriber. */
  subscribe(listener: (event: PersistenceEvent) => void): () => void;
  /** No more events: listeners and held events are dropped. */
  close(): void;
}

export function createPersistenceEvents(): PersistenceEvents {
  let closed = false;
  const listeners = new Set<(event: PersistenceEvent) => void>();
  const held: PersistenceEvent[] = [];

  return {
    emit(event) {
      if (closed) return;
      if (listeners.size === 0) {
        if (held.length < HELD_EVENTS_LIMIT) held.push(event);
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error(error);
        }
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      for (const event of held.splice(0)) listener(event);
      return () => {
        listeners.delete(listener);
      };
    },

    close() {
      closed = true;
      listeners.clear();
      held.length = 0;
    },
  };
}
