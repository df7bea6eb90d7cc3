import { points } from '../core/points';
import { pointHookName } from '../workspace/hookNames';
import type { HookRecord } from '../workspace/hookRecord';
import { newHook } from '../workspace/newHook';

/** The workspace's hooks, their display order and the selected one. */
export interface HookList {
  hooks: Record<string, HookRecord>;
  /** Display order: creation order. */
  hookOrder: string[];
  /** Always one of `hookOrder` (a workspace keeps at least one hook). */
  selectedHookId: string;
}

/** A fresh workspace: one hook of the first point. */
export function initialHookList(): HookList {
  const pointId = points[0]?.id ?? 'credentials-exchange';
  const hook = newHook({ pointId, name: pointHookName(pointId) });
  return { hooks: { [hook.id]: hook }, hookOrder: [hook.id], selectedHookId: hook.id };
}

/** A change of one hook; undefined or the same object means "nothing changes". */
export type HookChange = (hook: HookRecord) => HookRecord | undefined;

/** The state with one hook replaced by `change(hook)` and stamped, or `state` itself. */
export function changeHook<S extends HookList>(
  state: S,
  id: string,
  change: HookChange,
): S | Pick<HookList, 'hooks'> {
  const hook = state.hooks[id];
  if (!hook) return state;
  const next = change(hook);
  // Returning the same state keeps subscribers (and the Monaco model sync) quiet.
  if (next === undefined || next === hook) return state;
  return { hooks: { ...state.hooks, [id]: { ...next, updatedAt: Date.now() } } };
}

/** The list with the hook inserted after `afterId` (or at the end), selected. */
export function insertHook(state: HookList, hook: HookRecord, afterId?: string): HookList {
  const order = [...state.hookOrder];
  const at = afterId === undefined ? -1 : order.indexOf(afterId);
  if (at < 0) order.push(hook.id);
  else order.splice(at + 1, 0, hook.id);
  return {
    hooks: { ...state.hooks, [hook.id]: hook },
    hookOrder: order,
    selectedHookId: hook.id,
  };
}

/** The list without the hook; the selection moves to its neighbour. */
export function removeHook<S extends HookList>(state: S, id: string): S | HookList {
  if (!state.hooks[id]) return state;
  const { [id]: _removed, ...hooks } = state.hooks;
  const order = state.hookOrder.filter((hookId) => hookId !== id);
  // A workspace keeps at least one hook to edit.
  if (order.length === 0) return initialHookList();
  const index = state.hookOrder.indexOf(id);
  const selectedHookId =
    state.selectedHookId === id
      ? (order[Math.min(index, order.length - 1)] ?? order[0]!)
      : state.selectedHookId;
  return { hooks, hookOrder: order, selectedHookId };
}

/** The hooks' names (but `except`'s), which a new or renamed hook's name must differ from. */
export const hookNames = (state: Pick<HookList, 'hooks'>, except?: string): string[] =>
  Object.values(state.hooks)
    .filter((hook) => hook.id !== except)
    .map((hook) => hook.name);
