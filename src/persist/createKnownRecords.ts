import type { HookRecord } from '../workspace/hookRecord';

/** What this tab knows is stored, per hook: the base its writes go over. */
export interface KnownRecords {
  get(id: string): HookRecord | undefined;
  has(id: string): boolean;
  /** Records what is stored now (null: nothing, it was deleted). */
  accept(id: string, record: HookRecord | null): void;
  /** The highest rev ever seen, so a hook stored again after a delete is still newer. */
  highestRev(id: string): number;
}

export function createKnownRecords(): KnownRecords {
  /** Per hook, the record this tab knows is stored (from load, its writes, accepted news). */
  const known = new Map<string, HookRecord>();
  const highestRev = new Map<string, number>();

  return {
    get: (id) => known.get(id),
    has: (id) => known.has(id),
    accept(id, record) {
      if (!record) {
        known.delete(id);
        return;
      }
      known.set(id, record);
      highestRev.set(id, Math.max(highestRev.get(id) ?? 0, record.rev));
    },
    highestRev: (id) => highestRev.get(id) ?? 0,
  };
}
