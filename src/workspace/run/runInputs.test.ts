import { describe, expect, test } from 'vitest';
import type { HookDraft } from '../hookRecord';
import { editedSince, runInputsOf } from './runInputs';

const draft: HookDraft = {
  code: 'module.exports = (u, c, cb) => cb();',
  payloadText: '{}',
  secrets: [{ id: 's1', name: 'KEY', value: 'v' }],
  network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
  dependencies: {},
  action: {
    code: 'exports.onExecutePostChangePassword = async () => {};',
    dependencies: {},
    notes: [],
  },
};
const hook = { pointId: 'post-change-password' as const, draft };

describe('runInputsOf', () => {
  test("a hook run's inputs are the hook's code (the default kind)", () => {
    expect(runInputsOf(hook)).toEqual({
      kind: 'hook',
      pointId: 'post-change-password',
      code: draft.code,
      payloadText: '{}',
      secrets: [['KEY', 'v']],
      network: draft.network,
    });
  });

  test("an Action run's inputs are the Action draft's code with the hook's payload and secrets", () => {
    expect(runInputsOf(hook, 'action')).toEqual({
      ...runInputsOf(hook),
      kind: 'action',
      code: draft.action?.code,
    });
  });

  test('the Action of a hook without one is marked, for prepareRun to refuse', () => {
    const inputs = runInputsOf({ ...hook, draft: { ...draft, action: undefined } }, 'action');
    expect(inputs).toMatchObject({ kind: 'action', code: '', noAction: true });
  });
});

describe('editedSince', () => {
  test("an Action run is outdated by an edit of the Action's code, not of the hook's", () => {
    const inputs = runInputsOf(hook, 'action');
    expect(editedSince(inputs, hook)).toBe(false);
    expect(editedSince(inputs, { ...hook, draft: { ...draft, code: 'changed' } })).toBe(false);
    const action = { ...draft.action!, code: 'changed' };
    expect(editedSince(inputs, { ...hook, draft: { ...draft, action } })).toBe(true);
  });

  test('a hook run is outdated by an edit of the hook, and a missing Action by porting one', () => {
    expect(editedSince(runInputsOf(hook), { ...hook, draft: { ...draft, code: 'x' } })).toBe(true);
    const bare = { ...hook, draft: { ...draft, action: undefined } };
    const inputs = runInputsOf(bare, 'action');
    expect(editedSince(inputs, bare)).toBe(false);
    expect(editedSince(inputs, hook)).toBe(true);
  });
});
