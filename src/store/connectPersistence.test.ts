import { describe, expect, it } from 'vitest';
import { remoteRecord, setupConnectedStore } from './fakePersistence.testSupport';

const setup = setupConnectedStore;
const remote = remoteRecord;

describe('local changes are written', () => {
  it('writes only the hook that changed', () => {
    const { state, hook, persistence } = setup();
    const first = state().selectedHookId;
    const second = state().createHook('send-phone-message');
    expect(persistence.hookChanged).toHaveBeenCalledTimes(1);
    expect(persistence.hookChanged).toHaveBeenLastCalledWith(hook(second));
    persistence.hookChanged.mockClear();

    state().setCode(first, 'edited');
    expect(persistence.hookChanged).toHaveBeenCalledTimes(1);
    expect(persistence.hookChanged).toHaveBeenCalledWith(hook(first));
    expect(hook(first).draft.code).toBe('edited');
  });

  it('writes each kind of hook change: rename, secrets, storage, network, versions, enabling', () => {
    const { state, persistence } = setup();
    const id = state().selectedHookId;
    const edits: Array<() => void> = [
      () => state().renameHook(id, 'Renamed'),
      () => state().addSecret(id),
      () => state().setStorage(id, { data: 1 }),
      () => state().addHttpMock(id),
      () => state().saveVersion(id),
      () => state().setHookEnabled(id, true),
      () => state().setHookPoint(id, 'post-change-password'),
    ];
    for (const edit of edits) {
      persistence.hookChanged.mockClear();
      edit();
      expect(persistence.hookChanged).toHaveBeenCalledTimes(1);
      expect(persistence.hookChanged).toHaveBeenCalledWith(state().hooks[id]);
    }
  });

  it('writes nothing for a change that is not one', () => {
    const { state, hook, writes } = setup();
    const id = state().selectedHookId;
    state().setCode(id, hook(id).draft.code);
    state().toggleSecretReveal('row');
    state().setSecretValuesShown(true);
    state().setTimeoutInput('abc');
    expect(writes()).toBe(0);
  });

  it('deletes a deleted hook, and writes it again after Undo', () => {
    const { state, hook, persistence } = setup();
    const first = state().selectedHookId;
    const second = state().createHook();
    persistence.hookChanged.mockClear();
    state().deleteHook(second);
    expect(persistence.hookDeleted).toHaveBeenCalledTimes(1);
    expect(persistence.hookDeleted).toHaveBeenCalledWith(second);
    expect(persistence.hookChanged).not.toHaveBeenCalled();
    state().undoDeleteHook();
    expect(persistence.hookChanged).toHaveBeenCalledWith(hook(second));
    expect(persistence.hookDeleted).not.toHaveBeenCalledWith(first);
  });

  it('deleting the last hook deletes it and writes the fresh one', () => {
    const { state, hook, persistence } = setup();
    const only = state().selectedHookId;
    state().deleteHook(only);
    expect(persistence.hookDeleted).toHaveBeenCalledWith(only);
    expect(persistence.hookChanged).toHaveBeenCalledWith(hook(state().selectedHookId));
  });

  it('writes the hooks an example, a share link and an import add', () => {
    const { state, persistence } = setup();
    state().loadExample({
      id: 'x',
      point: 'pre-user-registration',
      title: 'X',
      description: 'x',
      code: 'c',
      expected: 'ok',
    });
    const example = state().selectedHookId;
    expect(persistence.hookChanged).toHaveBeenLastCalledWith(state().hooks[example]);
    state().undoExample();
    expect(persistence.hookDeleted).toHaveBeenCalledWith(example);

    state().openSharedWork({ point: 'send-phone-message', code: 'c', payload: {} });
    expect(persistence.hookChanged).toHaveBeenLastCalledWith(state().hooks[state().selectedHookId]);

    persistence.hookChanged.mockClear();
    state().addHooks([remote('i1', { rev: 0 }), remote('i2', { rev: 0 })]);
    expect(persistence.hookChanged.mock.calls.map(([record]) => record.id)).toEqual(['i1', 'i2']);
  });

  it('writes the settings when the selection, timeout or layout change', () => {
    const { state, persistence } = setup();
    const first = state().selectedHookId;
    const second = state().createHook();
    expect(persistence.settingsChanged).toHaveBeenLastCalledWith({
      selectedHookId: second,
      timeoutMs: 20_000,
      codePaneFraction: 0.55,
    });
    state().selectHook(first);
    state().setTimeoutInput('3000');
    state().setCodePaneFraction(0.3);
    expect(persistence.settingsChanged).toHaveBeenCalledTimes(4);
    expect(persistence.settingsChanged).toHaveBeenLastCalledWith({
      selectedHookId: first,
      timeoutMs: 3000,
      codePaneFraction: 0.3,
    });
  });

  it('does not write settings for a change that is not theirs', () => {
    const { state, persistence } = setup();
    state().setCode(state().selectedHookId, 'x');
    state().setTimeoutInput('nope');
    state().setCodePaneFraction(0.55);
    expect(persistence.settingsChanged).not.toHaveBeenCalled();
  });

  it('never writes a run', () => {
    const { state, writes } = setup();
    state().setPayloadText(state().selectedHookId, '{');
    const before = writes();
    state().startRun();
    expect(state().run.status).toBe('done');
    expect(writes()).toBe(before);
  });
});

describe('disconnect', () => {
  it('stops writing and stops applying', () => {
    const { state, connection, emit, writes, listenerCount } = setup();
    expect(listenerCount()).toBe(1);
    connection.disconnect();
    expect(listenerCount()).toBe(0);
    state().setCode(state().selectedHookId, 'after');
    state().createHook();
    emit({ type: 'remote-hook', record: remote('other') });
    expect(writes()).toBe(0);
    expect(state().hooks.other).toBeUndefined();
  });
});
