import { describe, expect, it } from 'vitest';
import { portHookToAction } from '../core/port/portHookToAction';
import { ACTION_KEPT_MESSAGE } from '../workspace/action/portedHook';
import { setupRunStore } from './appStore.testSupport';

const HOOK = `module.exports = function (user, context, cb) {
  cb(null, { user: { user_metadata: { plan: 'gold' } } });
};`;

function setup() {
  const store = setupRunStore();
  const id = store.state().selectedHookId;
  store.store.setState((s) => ({
    hooks: {
      ...s.hooks,
      [id]: {
        ...s.hooks[id]!,
        pointId: 'pre-user-registration',
        draft: { ...s.hooks[id]!.draft, code: HOOK },
      },
    },
  }));
  const ported = () => portHookToAction(HOOK, 'pre-user-registration', {});
  return { ...store, id, ported };
}

describe('Port to Action', () => {
  it("stores the port's code, dependencies and notes as the hook's Action draft and shows it", async () => {
    const { state, hook, ported } = setup();
    expect(state().codeTab).toBe('hook');
    await expect(state().portToAction()).resolves.toEqual({
      status: 'ported',
      keptDraftAsVersion: false,
    });
    expect(hook().draft.action).toEqual(ported());
    expect(hook().draft.code).toBe(HOOK);
    expect(state().codeTab).toBe('action');
  });

  it('porting again over an unedited port replaces nothing and asks nothing', async () => {
    const { state, hook } = setup();
    await state().portToAction();
    const before = hook();
    state().setCodeTab('hook');
    await expect(state().portToAction()).resolves.toEqual({
      status: 'ported',
      keptDraftAsVersion: false,
    });
    expect(hook()).toBe(before);
    expect(state().codeTab).toBe('action');
  });

  it('asks before replacing an edited Action draft, and keeps it as a version when replaced', async () => {
    const { state, hook, id, ported } = setup();
    await state().portToAction();
    state().setActionCode(id, 'exports.onExecutePreUserRegistration = async () => {};');
    const edited = hook().draft.action;
    await expect(state().portToAction()).resolves.toEqual({ status: 'needs-confirmation' });
    expect(hook().draft.action).toBe(edited);

    await expect(state().portToAction({ replace: true })).resolves.toEqual({
      status: 'ported',
      keptDraftAsVersion: true,
    });
    expect(hook().draft.action).toEqual(ported());
    const kept = hook().versions.at(-1);
    expect(kept?.message).toBe(ACTION_KEPT_MESSAGE);
    expect(kept?.draft.action).toEqual(edited);
  });

  it('an edited Action draft already in a version is replaced without a new version', async () => {
    const { state, hook, id } = setup();
    await state().portToAction();
    state().setActionCode(id, '// mine');
    state().saveVersion(id, 'mine');
    const versions = hook().versions.length;
    await expect(state().portToAction({ replace: true })).resolves.toMatchObject({
      keptDraftAsVersion: false,
    });
    expect(hook().versions).toHaveLength(versions);
  });
});

describe('Action draft edits', () => {
  it('set the code and dependencies of a hook with an Action, and nothing without one', async () => {
    const { state, hook, id } = setup();
    state().setActionCode(id, 'x');
    expect(hook().draft.action).toBeUndefined();
    await state().portToAction();
    state().setActionCode(id, 'x');
    state().setActionDependencies(id, { axios: '1.6.0' });
    expect(hook().draft.action).toMatchObject({ code: 'x', dependencies: { axios: '1.6.0' } });
  });
});

describe('code tab', () => {
  it('runs what the code pane shows: the Action on the Action tab, said in the status line', async () => {
    const { state, runs } = setup();
    await state().portToAction();
    state().startRun();
    expect(runs[0]?.request).toMatchObject({
      kind: 'action',
      code: state().hooks[state().selectedHookId]?.draft.action?.code,
    });
    expect(state().run.inputs?.kind).toBe('action');
    runs[0]?.settle({ status: 'succeeded', durationMs: 3 });
    await Promise.resolve();
    const { runStatusText } = await import('./selectors');
    expect(runStatusText(state().run)).toBe('Action: Succeeded in 3 ms');

    state().setCodeTab('hook');
    state().startRun();
    expect(runs[1]?.request.kind).toBeUndefined();
    expect(runs[1]?.request.code).toBe(HOOK);
  });

  it('the Action tab of a hook without an Action refuses to run, pointing at Port to Action', () => {
    const { state, runs } = setup();
    state().setCodeTab('action');
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'action',
      message: 'This hook has no Action yet — use Port to Action.',
    });
  });

  it('selecting another hook keeps the Action tab only if that hook has an Action', async () => {
    const { state, id } = setup();
    await state().portToAction();
    const other = state().createHook('post-change-password');
    expect(state().selectedHookId).toBe(other);
    expect(state().codeTab).toBe('hook');
    state().selectHook(id);
    state().setCodeTab('action');
    const copy = state().duplicateHook(id);
    expect(state().selectedHookId).toBe(copy);
    expect(state().codeTab).toBe('action');
  });
});
