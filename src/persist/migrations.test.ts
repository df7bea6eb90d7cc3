// @vitest-environment node
import 'fake-indexeddb/auto';
import { get, setMany } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { newHook } from '../workspace/newHook';
import { loadWorkspace } from './loadWorkspace';
import {
  ADD_HOOK_TESTS,
  entriesChanges,
  migrateEntries,
  MIGRATIONS,
  type MigrationStep,
} from './migrations';
import { rawStore, uniqueName } from './storageFakes.testSupport';
import { createWorkspaceRepository } from './workspaceRepository';

/** A made-up layout 1 → 2 upgrade: hooks were stored with `title`, now `name`. */
const renameTitle: MigrationStep = {
  from: 1,
  migrate: (entries) =>
    new Map(
      [...entries].map(([key, value]) => {
        if (!key.startsWith('hook:')) return [key, value];
        const { title, ...rest } = value as { title: string };
        return [key, { ...rest, name: title }];
      }),
    ),
};

const addTwo: MigrationStep = {
  from: 2,
  migrate: (entries) => new Map([...entries, ['two', true]]),
};

describe('migrateEntries', () => {
  it('upgrades layout 1 to 2 by giving every stored hook an empty list of tests', () => {
    expect(MIGRATIONS).toEqual([ADD_HOOK_TESTS]);
    const tests = [{ id: 't', name: 'kept' }];
    const entries = new Map<string, unknown>([
      ['hook:a', { name: 'A' }],
      ['hook:b', { name: 'B', tests }],
      ['hook:broken', 7],
      ['settings', { timeoutMs: 5000 }],
    ]);
    const result = migrateEntries(entries, 1);
    expect(result.get('hook:a')).toEqual({ name: 'A', tests: [] });
    expect(result.get('hook:b')).toEqual({ name: 'B', tests });
    expect(result.get('hook:broken')).toBe(7);
    expect(result.get('settings')).toEqual({ timeoutMs: 5000 });
  });

  it('runs the steps in order from the stored version to the target', () => {
    const entries = new Map<string, unknown>([['hook:a', { title: 'A' }]]);
    const result = migrateEntries(entries, 1, [addTwo, renameTitle], 3);
    expect(result).toEqual(
      new Map<string, unknown>([
        ['hook:a', { name: 'A' }],
        ['two', true],
      ]),
    );
    expect(migrateEntries(entries, 2, [addTwo, renameTitle], 3).get('hook:a')).toEqual({
      title: 'A',
    });
  });

  it('refuses a gap instead of passing it for an upgrade', () => {
    expect(() => migrateEntries(new Map(), 1, [addTwo], 3)).toThrow(/from version 1/);
  });

  it('lists what to write and what to remove', () => {
    const kept = { k: 1 };
    const previous = new Map<string, unknown>([
      ['same', kept],
      ['changed', 1],
      ['gone', 2],
    ]);
    const next = new Map<string, unknown>([
      ['same', kept],
      ['changed', 3],
      ['new', 4],
    ]);
    expect(entriesChanges(previous, next)).toEqual({
      puts: [
        ['changed', 3],
        ['new', 4],
      ],
      deletes: ['gone'],
    });
  });
});

describe('loadWorkspace with an upgrade', () => {
  it('upgrades a stored layout 1 to 2 in the database and loads the result', async () => {
    const dbName = uniqueName('upgrade');
    const { name: _name, ...hookWithoutName } = newHook({
      pointId: 'send-phone-message',
      name: 'unused',
      id: 'hook-a',
      now: 5,
    });
    await setMany(
      [
        ['meta', { schemaVersion: 1 }],
        ['hook:hook-a', { ...hookWithoutName, title: 'Texts', rev: 4 }],
      ],
      rawStore(dbName),
    );
    const repository = createWorkspaceRepository(rawStore(dbName));
    const outcome = await loadWorkspace({
      repository,
      legacyStorage: null,
      now: () => 10,
      schemaVersion: 2,
      steps: [renameTitle],
    });
    expect(outcome.mode).toBe('ready');
    expect(outcome.errors).toEqual([]);
    expect(outcome.workspace.hooks.map((hook) => [hook.id, hook.name, hook.rev])).toEqual([
      ['hook-a', 'Texts', 4],
    ]);
    expect(await get('meta', rawStore(dbName))).toEqual({ schemaVersion: 2 });
    expect(await get('hook:hook-a', rawStore(dbName))).toMatchObject({ name: 'Texts' });
    expect(await get('hook:hook-a', rawStore(dbName))).not.toHaveProperty('title');
  });

  it('loads a hook stored before tests existed with no tests, and stores the upgrade', async () => {
    const dbName = uniqueName('upgrade-tests');
    const { tests: _tests, ...storedAtLayout1 } = newHook({
      pointId: 'pre-user-registration',
      name: 'Old',
      id: 'hook-old',
      now: 5,
    });
    await setMany(
      [
        ['meta', { schemaVersion: 1 }],
        ['hook:hook-old', { ...storedAtLayout1, rev: 2 }],
      ],
      rawStore(dbName),
    );
    const outcome = await loadWorkspace({
      repository: createWorkspaceRepository(rawStore(dbName)),
      legacyStorage: null,
      now: () => 10,
    });
    expect(outcome.mode).toBe('ready');
    expect(outcome.workspace.hooks.map((hook) => [hook.name, hook.tests])).toEqual([['Old', []]]);
    expect(await get('meta', rawStore(dbName))).toEqual({ schemaVersion: 2 });
    expect(await get('hook:hook-old', rawStore(dbName))).toMatchObject({ tests: [] });
  });

  it('opens read-only, writing nothing, when an upgrade step is missing', async () => {
    const dbName = uniqueName('upgrade-gap');
    await setMany([['meta', { schemaVersion: 1 }]], rawStore(dbName));
    const outcome = await loadWorkspace({
      repository: createWorkspaceRepository(rawStore(dbName)),
      legacyStorage: null,
      now: () => 10,
      schemaVersion: 3,
      steps: [renameTitle],
    });
    expect(outcome.mode).toBe('read-only');
    expect(outcome.errors[0]).toMatchObject({ kind: 'other', message: /could not be upgraded/ });
    expect(await get('meta', rawStore(dbName))).toEqual({ schemaVersion: 1 });
  });
});
