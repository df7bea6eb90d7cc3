import { describe, expect, it } from 'vitest';
import type { ActionDraft } from '../core/actions/actionSchemas';
import { copyOfHook } from './copyOfHook';
import { hasUnsavedChanges, sameDraft } from './draft/sameDraft';
import { hasUserWork } from './hasUserWork';
import type { HookRecord } from './hookRecord';
import { restoreVersionOf, withSavedVersion } from './hookVersions';
import { newHook, starterHookDraft } from './newHook';
import { exportWorkspaceJson, parseWorkspaceJson } from './workspaceJson';

// The hook's Action draft (HookDraft.action) in every pure rule about drafts.

const PRE = 'pre-user-registration';
const action: ActionDraft = {
  code: "exports.onExecutePreUserRegistration = async (event, api) => {\n  api.user.setUserMetadata('plan', 'gold');\n};\n",
  dependencies: { lodash: '4.17.21' },
  notes: [
    {
      line: 3,
      hookLine: 5,
      construct: 'context.webtask.storage',
      message: 'Use an external store.',
    },
  ],
};
const starter = (): HookRecord =>
  newHook({ id: 'h', pointId: PRE, name: 'Pre-User Registration', now: 1 });
const withAction = (hook: HookRecord, draftAction: ActionDraft | undefined): HookRecord => ({
  ...hook,
  draft: { ...hook.draft, action: draftAction },
});

describe('the Action draft in a hook’s records', () => {
  it('sameDraft: adding, changing or removing the Action is a change', () => {
    const plain = starter();
    const ported = withAction(plain, action);
    expect(sameDraft(plain, ported)).toBe(false);
    expect(sameDraft(ported, withAction(plain, { ...action, code: 'other' }))).toBe(false);
    expect(sameDraft(ported, withAction(plain, { ...action, dependencies: {} }))).toBe(false);
    expect(sameDraft(ported, withAction(plain, { ...action }))).toBe(true);
    // A key holding undefined is no Action at all.
    expect(sameDraft(plain, withAction(plain, undefined))).toBe(true);
  });

  it('a changed Action marks the hook unsaved (the dot) until a version holds it', () => {
    const saved = withSavedVersion(withAction(starter(), action));
    expect(hasUnsavedChanges(saved)).toBe(false);
    expect(hasUnsavedChanges(withAction(saved, { ...action, code: 'edited' }))).toBe(true);
    expect(hasUnsavedChanges(withAction(starter(), action))).toBe(true);
  });

  it('a version freezes the Action and Restore brings it back, keeping the draft first', () => {
    const saved = withSavedVersion(withAction(starter(), action), 'ported');
    expect(saved.versions[0]!.draft.action).toEqual(action);
    const edited = withAction(saved, { ...action, code: 'edited' });
    const restored = restoreVersionOf(edited, saved.versions[0]!.id, [])!;
    expect(restored.keptDraftAsVersion).toBe(true);
    expect(restored.hook.draft.action).toEqual(action);
    expect(restored.hook.versions.map((version) => version.draft.action?.code)).toEqual([
      action.code,
      'edited',
    ]);
  });

  it('restoring a version made before the port gives a draft without an Action', () => {
    const saved = withSavedVersion(starter());
    const ported = withSavedVersion(withAction(saved, action));
    const restored = restoreVersionOf(ported, saved.versions[0]!.id, [])!;
    expect(restored.keptDraftAsVersion).toBe(false);
    expect(restored.hook.draft.action).toBeUndefined();
  });

  it('Duplicate copies the Action with the draft', () => {
    const copy = copyOfHook(withAction(starter(), action), []);
    expect(copy.draft.action).toEqual(action);
  });

  it('a starter hook with an Action is user work (the welcome goes away)', () => {
    expect(hasUserWork([starter()])).toBe(false);
    expect(hasUserWork([withAction(starter(), action)])).toBe(true);
  });

  it('workspace JSON round-trips the Action, in the draft and in versions, secrets hidden or not', () => {
    const hook = withSavedVersion(withAction(starter(), action));
    for (const includeSecrets of [true, false]) {
      const { hooks, problems } = parseWorkspaceJson(
        exportWorkspaceJson([hook], { includeSecrets }),
      );
      expect(problems).toEqual([]);
      expect(hooks[0]!.draft.action).toEqual(action);
      expect(hooks[0]!.versions[0]!.draft.action).toEqual(action);
    }
  });

  it('a version 2 workspace file without any Action still reads', () => {
    const file = JSON.parse(exportWorkspaceJson([starter()], { includeSecrets: true })) as {
      hooks: { draft: Record<string, unknown> }[];
    };
    expect('action' in file.hooks[0]!.draft).toBe(false);
    const { hooks, problems } = parseWorkspaceJson(JSON.stringify(file));
    expect(problems).toEqual([]);
    expect(hooks[0]!.draft).toEqual(starterHookDraft(PRE));
  });

  it('an Action that breaks its schema skips only that hook, with the reason', () => {
    const file = JSON.parse(
      exportWorkspaceJson([starter(), newHook({ pointId: PRE, name: 'ok' })], {
        includeSecrets: true,
      }),
    ) as { hooks: { draft: Record<string, unknown> }[] };
    file.hooks[0]!.draft.action = { code: 42 };
    const { hooks, problems } = parseWorkspaceJson(JSON.stringify(file));
    expect(hooks.map((hook) => hook.name)).toEqual(['ok']);
    expect(problems[0]).toMatch(/^hooks\[0\] "Pre-User Registration" was skipped: .*action/);
  });
});
