import { describe, expect, test } from 'vitest';
import type { PortResult } from '../../core/actions/actionSchemas';
import { newHook } from '../newHook';
import { withSavedVersion } from '../hookVersions';
import { ACTION_KEPT_MESSAGE, portReplacesActionDraft, withPortedAction } from './portedHook';

const result: PortResult = {
  code: 'exports.onExecutePostChangePassword = async (event, api) => {};',
  dependencies: { axios: '1.6.0' },
  notes: [{ line: 2, hookLine: 3, construct: 'context.webtask.storage', message: 'm' }],
};
const bare = newHook({ id: 'h', pointId: 'post-change-password', name: 'h', now: 1 });
const withAction = (code: string) => ({
  ...bare,
  draft: { ...bare.draft, action: { ...result, code } },
});

describe('portReplacesActionDraft', () => {
  test('only an Action draft that differs from the port is replaced', () => {
    expect(portReplacesActionDraft(bare, result)).toBe(false);
    expect(portReplacesActionDraft(withAction(result.code), result)).toBe(false);
    expect(portReplacesActionDraft(withAction('// edited'), result)).toBe(true);
  });
});

describe('withPortedAction', () => {
  test("the port's result becomes the Action draft; the hook's code stays", () => {
    const { hook, keptDraftAsVersion } = withPortedAction(bare, result);
    expect(hook.draft).toEqual({ ...bare.draft, action: result });
    expect(keptDraftAsVersion).toBe(false);
    expect(hook.versions).toEqual([]);
  });

  test('a replaced Action draft in no version is saved as one first', () => {
    const edited = withAction('// edited');
    const { hook, keptDraftAsVersion } = withPortedAction(edited, result);
    expect(keptDraftAsVersion).toBe(true);
    expect(hook.versions).toHaveLength(1);
    expect(hook.versions[0]).toMatchObject({ message: ACTION_KEPT_MESSAGE, draft: edited.draft });
    expect(hook.draft.action).toEqual(result);
  });

  test('a replaced Action draft that a version holds is not saved again', () => {
    const saved = withSavedVersion(withAction('// edited'), 'v1');
    const { hook, keptDraftAsVersion } = withPortedAction(saved, result);
    expect(keptDraftAsVersion).toBe(false);
    expect(hook.versions).toEqual(saved.versions);
  });
});
