import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from './persistedState';
import { HookRecordSchema } from '../../workspace/hookRecord';
import { starterHookDraft } from '../../workspace/newHook';
import {
  LEGACY_MIGRATED_KEY,
  legacyHookId,
  markLegacyMigrated,
  readLegacyDrafts,
} from './readLegacyDrafts';
import {
  legacyStarters,
  legacyStorageWith,
  legacyV1,
  legacyV2,
  legacyV3,
} from '../legacyDrafts.testSupport';
import { createMemoryStorage } from '../storageFakes.testSupport';

const NOW = 1_700_000_000_000;

describe('readLegacyDrafts', () => {
  it('is null when there is no old key, or its text is not JSON (left untouched)', () => {
    expect(readLegacyDrafts(createMemoryStorage(), NOW)).toBeNull();
    const broken = createMemoryStorage({ [STORAGE_KEY]: '{"state": ' });
    expect(readLegacyDrafts(broken, NOW)).toBeNull();
    expect(broken.items.get(STORAGE_KEY)).toBe('{"state": ');
  });

  it('version 1: one hook per changed draft, named after its point, selected, settings kept', () => {
    const result = readLegacyDrafts(legacyStorageWith(legacyV1), NOW)!;
    expect(result.hooks).toHaveLength(1);
    const [hook] = result.hooks;
    expect(hook).toEqual({
      id: legacyHookId('post-user-registration'),
      name: 'Post-User Registration',
      pointId: 'post-user-registration',
      enabled: false,
      draft: {
        code: legacyV1.state.drafts['post-user-registration'].code,
        payloadText: '{ "user": {} }',
        secrets: [],
        network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
        dependencies: {},
      },
      storage: {},
      versions: [],
      tests: [],
      createdAt: NOW,
      updatedAt: NOW,
      rev: 0,
    });
    expect(HookRecordSchema.safeParse(hook).success).toBe(true);
    expect(result.settings).toEqual({
      selectedHookId: hook!.id,
      timeoutMs: 2500,
      codePaneFraction: 0.4,
    });
  });

  it('version 2: secrets alone or storage alone make a hook; empty storage does not', () => {
    const result = readLegacyDrafts(legacyStorageWith(legacyV2), NOW)!;
    expect(result.hooks.map((hook) => [hook.pointId, hook.name])).toEqual([
      ['pre-user-registration', 'Pre-User Registration'],
      ['send-phone-message', 'Send Phone Message'],
    ]);
    const [pre, phone] = result.hooks;
    expect(pre!.draft.secrets).toEqual([{ id: 'secret-1', name: 'API_KEY', value: 'k-123' }]);
    expect(pre!.draft.code).toBe(starterHookDraft('pre-user-registration').code);
    expect(phone!.storage).toEqual({ data: { sent: 2 }, etag: 'etag-1' });
    expect(phone!.draft).toEqual(starterHookDraft('send-phone-message'));
    // The Dashboard's order is kept by createdAt.
    expect(pre!.createdAt).toBeLessThan(phone!.createdAt);
    expect(result.settings).toEqual({
      selectedHookId: phone!.id,
      timeoutMs: 7000,
      codePaneFraction: 0.6,
    });
  });

  it('version 3: network settings make a hook; an unchanged selected point selects nothing', () => {
    const result = readLegacyDrafts(legacyStorageWith(legacyV3), NOW)!;
    expect(result.hooks).toHaveLength(1);
    expect(result.hooks[0]!.name).toBe('Post Change Password');
    expect(result.hooks[0]!.draft.network).toEqual(
      legacyV3.state.drafts['post-change-password'].network,
    );
    expect(result.settings.selectedHookId).toBeNull();
    for (const hook of result.hooks) expect(HookRecordSchema.safeParse(hook).success).toBe(true);
  });

  it('names hooks apart from the names already taken', () => {
    const result = readLegacyDrafts(legacyStorageWith(legacyV1), NOW, ['post-user registration']);
    expect(result!.hooks[0]!.name).toBe('Post-User Registration 2');
  });

  it('creates no hooks when every draft equals its starter, but keeps the settings', () => {
    const result = readLegacyDrafts(legacyStorageWith(legacyStarters), NOW)!;
    expect(result.hooks).toEqual([]);
    expect(result.settings).toEqual({
      selectedHookId: null,
      timeoutMs: 3000,
      codePaneFraction: 0.5,
    });
  });
});

describe('markLegacyMigrated', () => {
  it('renames the old key, keeping its text', () => {
    const storage = legacyStorageWith(legacyV1);
    const text = storage.items.get(STORAGE_KEY);
    markLegacyMigrated(storage);
    expect(storage.items.has(STORAGE_KEY)).toBe(false);
    expect(storage.items.get(LEGACY_MIGRATED_KEY)).toBe(text);
  });

  it('never writes over an earlier migrated copy', () => {
    const storage = createMemoryStorage({
      [STORAGE_KEY]: 'new',
      [LEGACY_MIGRATED_KEY]: 'old',
    });
    markLegacyMigrated(storage);
    expect(storage.items.get(LEGACY_MIGRATED_KEY)).toBe('old');
    expect(storage.items.get(`${LEGACY_MIGRATED_KEY}:2`)).toBe('new');
  });

  it('leaves the old key in place when storage refuses the copy', () => {
    const storage = legacyStorageWith(legacyV1);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    markLegacyMigrated(storage);
    expect(storage.items.has(STORAGE_KEY)).toBe(true);
  });
});
