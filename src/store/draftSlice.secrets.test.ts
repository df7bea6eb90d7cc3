import { describe, expect, it } from 'vitest';
import { secretProblems } from '../workspace/draft/secrets';
import { setupRunStore } from './appStore.testSupport';

const setup = setupRunStore;

describe('secrets', () => {
  it('adds, edits and removes rows per hook', () => {
    const { state, byId } = setup();
    const other = state().selectedHookId;
    const id = state().createHook('post-change-password');
    const first = state().addSecret(id);
    const second = state().addSecret(id);
    state().setSecretName(id, first, 'API_KEY');
    state().setSecretValue(id, first, 'k1');
    state().setSecretName(id, second, 'OTHER');
    expect(byId(id).draft.secrets).toEqual([
      { id: first, name: 'API_KEY', value: 'k1' },
      { id: second, name: 'OTHER', value: '' },
    ]);
    expect(byId(other).draft.secrets).toEqual([]);
    state().removeSecret(id, second);
    expect(byId(id).draft.secrets).toEqual([{ id: first, name: 'API_KEY', value: 'k1' }]);
  });

  it('explains a missing or repeated name per row, and keeps every row', () => {
    const { state, byId } = setup();
    const id = state().selectedHookId;
    const a = state().addSecret(id);
    const b = state().addSecret(id);
    const c = state().addSecret(id);
    state().setSecretName(id, a, 'KEY');
    state().setSecretName(id, b, ' KEY ');
    expect(secretProblems(byId(id).draft.secrets)).toEqual([
      { rowId: b, message: expect.stringContaining('KEY is already used') },
      { rowId: c, message: expect.stringContaining('has no name') },
    ]);
    expect(byId(id).draft.secrets).toHaveLength(3);
  });

  it('sends valid secrets with trimmed names as request.secrets and masks with them', () => {
    const { state, runs } = setup();
    const id = state().createHook('post-change-password');
    const a = state().addSecret(id);
    state().setSecretName(id, a, ' API_KEY ');
    state().setSecretValue(id, a, 'v');
    state().startRun();
    expect(runs[0]?.request.secrets).toEqual({ API_KEY: 'v' });
    expect(state().run.secrets).toEqual({ API_KEY: 'v' });
  });

  it('refuses to run with a secret problem and says which row', () => {
    const { state, runs } = setup();
    const id = state().createHook('post-change-password');
    const a = state().addSecret(id);
    state().setSecretName(id, a, 'A');
    state().addSecret(id);
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'secrets',
      message: expect.stringMatching(/^Secrets: row 2: This secret has no name/),
    });
    expect(state().run.hookId).toBe(id);
  });

  it('toggles a row between masked and revealed, and forgets it when removed', () => {
    const { state } = setup();
    const id = state().selectedHookId;
    const a = state().addSecret(id);
    state().toggleSecretReveal(a);
    expect(state().revealedSecretIds.has(a)).toBe(true);
    state().toggleSecretReveal(a);
    expect(state().revealedSecretIds.has(a)).toBe(false);
    state().toggleSecretReveal(a);
    state().removeSecret(id, a);
    expect(state().revealedSecretIds.size).toBe(0);
  });

  it('opening shared work never touches an existing hook’s secrets', () => {
    const { state, hook, byId } = setup();
    const mine = state().createHook('send-phone-message');
    const a = state().addSecret(mine);
    state().setSecretName(mine, a, 'MINE');
    const work = { point: 'send-phone-message' as const, code: 'c', payload: {} };
    state().openSharedWork(work);
    expect(hook().draft.secrets).toEqual([]);
    state().openSharedWork({ ...work, secrets: { SHARED: 's', OTHER: 'o' } });
    expect(hook().draft.secrets.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'SHARED', value: 's' },
      { name: 'OTHER', value: 'o' },
    ]);
    expect(byId(mine).draft.secrets.map((row) => row.name)).toEqual(['MINE']);
  });

  it('opens secrets whose value the link withheld empty and flagged notExported', () => {
    const { state, hook } = setup();
    state().openSharedWork({
      point: 'send-phone-message',
      code: 'c',
      payload: {},
      secrets: { SHOWN: 's', HIDDEN: '' },
      redactedSecrets: ['HIDDEN'],
    });
    const rows = hook().draft.secrets;
    expect(rows.map(({ name, value, notExported }) => ({ name, value, notExported }))).toEqual([
      { name: 'SHOWN', value: 's', notExported: undefined },
      { name: 'HIDDEN', value: '', notExported: true },
    ]);
    // Renaming keeps the flag; typing a value makes it a real value.
    const hidden = rows[1]!.id;
    state().setSecretName(hook().id, hidden, 'HIDDEN_KEY');
    expect(hook().draft.secrets[1]).toMatchObject({ name: 'HIDDEN_KEY', notExported: true });
    state().setSecretValue(hook().id, hidden, 'typed');
    expect(hook().draft.secrets[1]).toEqual({ id: hidden, name: 'HIDDEN_KEY', value: 'typed' });
  });
});
