import type { HookRecord } from '../workspace/hookRecord';

export type PersistenceEvent =
  /** Another tab stored this, newer than what this tab has, and this tab has no pending edit of it. */
  | { type: 'remote-hook'; record: HookRecord }
  | { type: 'remote-delete'; id: string }
  /** This tab's write landed with this rev. */
  | { type: 'saved'; id: string; rev: number }
  /** This tab's pending or failed edit vs what another tab stored (null: deleted); `mine` was not written. */
  | { type: 'conflict'; mine: HookRecord; theirs: HookRecord | null }
  /** The edit stays in memory; later writes retry. */
  | { type: 'error'; kind: 'quota' | 'unavailable' | 'other'; message: string };
