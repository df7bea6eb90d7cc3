import type { ActionDraft, PortResult } from '../../core/actions/actionSchemas';
import type { HookRecord } from '../hookRecord';
import { withSavedVersion } from '../hookVersions';
import { sameValue } from '../sameValue';

export const ACTION_KEPT_MESSAGE = 'Action draft before Port to Action';

/**
 * Whether porting would replace an Action draft the port did not make as it stands: the hook
 * has one and it differs from this port's result (edited since, or the hook changed).
 */
export function portReplacesActionDraft(
  hook: Pick<HookRecord, 'draft'>,
  result: PortResult,
): boolean {
  const { action } = hook.draft;
  return action !== undefined && !sameValue(action, actionDraftOf(result));
}

export interface PortedHook {
  hook: HookRecord;
  /** The Action draft it replaced was in no saved version, so it was saved as one first. */
  keptDraftAsVersion: boolean;
}

/**
 * The hook with the port's result as its Action draft. An Action draft no saved version
 * holds is first saved (with the whole draft) as a version, so a replaced Action can always
 * be restored from History.
 */
export function withPortedAction(hook: HookRecord, result: PortResult): PortedHook {
  const action = actionDraftOf(result);
  const before = hook.draft.action;
  const keptDraftAsVersion =
    portReplacesActionDraft(hook, result) &&
    !hook.versions.some((version) => sameValue(version.draft.action, before));
  const base = keptDraftAsVersion ? withSavedVersion(hook, ACTION_KEPT_MESSAGE) : hook;
  return { hook: { ...base, draft: { ...base.draft, action } }, keptDraftAsVersion };
}

const actionDraftOf = ({ code, dependencies, notes }: PortResult): ActionDraft => ({
  code,
  dependencies,
  notes,
});
