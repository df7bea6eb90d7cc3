import { describe, expect, test } from 'vitest';
import type { PointId } from '../core/schemas';
import { IMPORTED_VERSION_MESSAGE, mergeImport } from './mergeImport';
import { newHook } from './newHook';
import { withSavedVersion } from './hookVersions';

const hook = (name: string, pointId: PointId, enabled = false) =>
  newHook({ name, pointId, enabled });

describe('mergeImport', () => {
  test('a hook named like an existing one joins beside it with its own tests; the existing keeps its draft and tests', () => {
    const test0 = { id: 't1', name: 'old test', payloadText: '{}', expectations: {} };
    const existing = { ...hook('signup', 'pre-user-registration'), tests: [test0] };
    const incoming = {
      ...hook('signup', 'pre-user-registration'),
      tests: [{ ...test0, id: 't2', name: 'imported test' }],
    };
    const { added } = mergeImport([existing], [incoming]);

    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ name: 'signup 2', tests: incoming.tests });
    expect(existing.tests).toEqual([test0]);
  });

  test('names are made unique against the workspace and each other', () => {
    const existing = [
      hook('signup', 'pre-user-registration'),
      hook('Notify', 'post-user-registration'),
    ];
    const imported = [
      hook('signup', 'pre-user-registration'),
      hook('notify', 'post-user-registration'),
      hook('signup', 'post-change-password'),
      hook('fresh', 'send-phone-message'),
    ];
    const { added, notes } = mergeImport(existing, imported);

    expect(added.map((record) => record.name)).toEqual([
      'signup 2',
      'notify 2',
      'signup 3',
      'fresh',
    ]);
    expect(added.map((record) => record.id)).toEqual(imported.map((record) => record.id));
    expect(notes).toEqual([
      '"signup" was renamed "signup 2": a hook of that name already exists.',
      '"notify" was renamed "notify 2": a hook of that name already exists.',
      '"signup" was renamed "signup 3": a hook of that name already exists.',
    ]);
  });

  test('at most one enabled hook per point: later enabled hooks are added disabled', () => {
    const existing = [
      hook('current', 'credentials-exchange', true),
      hook('idle', 'pre-user-registration', false),
    ];
    const imported = [
      hook('claims', 'credentials-exchange', true),
      hook('metadata', 'pre-user-registration', true),
      hook('metadata-2', 'pre-user-registration', true),
      hook('disabled', 'pre-user-registration', false),
    ];
    const { added, notes } = mergeImport(existing, imported);

    expect(added.map((record) => [record.name, record.enabled])).toEqual([
      ['claims', false],
      ['metadata', true],
      ['metadata-2', false],
      ['disabled', false],
    ]);
    expect(notes).toEqual([
      '"claims" was added disabled: "current" is already enabled for Client Credentials Exchange, and only one hook per point can be.',
      '"metadata-2" was added disabled: "metadata" is already enabled for Pre-User Registration, and only one hook per point can be.',
    ]);
  });

  test('a record whose id is already in the workspace gets a new one', () => {
    const existing = [hook('a', 'send-phone-message')];
    const { added } = mergeImport(existing, [{ ...existing[0]!, name: 'a copy' }]);
    expect(added[0]?.id).not.toBe(existing[0]?.id);
    expect(added[0]?.name).toBe('a copy');
  });

  test('each hook gets one version "Imported" holding its draft and point as imported', () => {
    const plain = hook('plain', 'send-phone-message');
    const edited = { ...plain.draft, code: '// before the export' };
    const withHistory = withSavedVersion(
      { ...hook('saved', 'post-change-password'), draft: edited },
      'older',
    );
    const { added } = mergeImport([hook('plain', 'send-phone-message')], [plain, withHistory]);

    expect(IMPORTED_VERSION_MESSAGE).toBe('Imported');
    expect(added[0]?.versions).toEqual([
      {
        id: expect.stringMatching(/^version-/),
        savedAt: expect.any(Number),
        message: 'Imported',
        pointId: 'send-phone-message',
        draft: plain.draft,
      },
    ]);
    // Versions a workspace file brought come first; "Imported" is the newest.
    expect(added[1]?.versions.map((version) => version.message)).toEqual(['older', 'Imported']);
    expect(added[1]?.versions[1]?.draft).toBe(withHistory.draft);
  });

  test('does not change its inputs', () => {
    const existing = [hook('x', 'send-phone-message', true)];
    const imported = [hook('x', 'send-phone-message', true)];
    const snapshot = structuredClone(imported);
    mergeImport(existing, imported);
    expect(imported).toEqual(snapshot);
  });
});
