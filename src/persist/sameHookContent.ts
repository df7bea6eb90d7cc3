import type { HookRecord } from '../workspace/hookRecord';
import { sameValue } from '../workspace/sameValue';

/**
 * Whether two records hold the same hook, ignoring the bookkeeping this layer owns (`rev`,
 * `updatedAt`). A record that comes back unchanged (a remote one the store applied) is not
 * written again, so two tabs never echo a hook back and forth.
 */
export function sameHookContent(a: HookRecord, b: HookRecord): boolean {
  const { rev: _revA, updatedAt: _updatedA, ...contentA } = a;
  const { rev: _revB, updatedAt: _updatedB, ...contentB } = b;
  return sameValue(contentA, contentB);
}
