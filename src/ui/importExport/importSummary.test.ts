import { strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { getPoint } from '../../core/points';
import { importFiles } from '../../workspace/importHooks';
import { mergeImport } from '../../workspace/mergeImport';
import { newHook, starterHookDraft } from '../../workspace/newHook';
import {
  describeImportResult,
  hookCount,
  importButtonLabel,
  importedSummary,
  notExportedSecrets,
  recordsToImport,
  withPoint,
} from './importSummary';

const file = (path: string, text: string) => ({ path, bytes: strToU8(text) });

const SMS_HOOK = `module.exports = function (recipient, text, context, cb) {\n  cb(null, {});\n};\n`;

describe('labels', () => {
  test('counts hooks in words', () => {
    expect(hookCount(1)).toBe('1 hook');
    expect(hookCount(3)).toBe('3 hooks');
    expect(importButtonLabel(1)).toBe('Import 1 hook');
    expect(importButtonLabel(3)).toBe('Import 3 hooks');
    expect(importedSummary(3)).toBe('Imported 3 hooks.');
    expect(importedSummary(1)).toBe('Imported 1 hook.');
    expect(importedSummary(0)).toBe('No hooks were imported.');
  });

  test('describes what a selection holds', () => {
    const result = importFiles([file('a.js', SMS_HOOK), file('notes.txt', 'hello')]);
    expect(describeImportResult(result)).toBe('Found 1 hook; 1 problem.');
    expect(describeImportResult(result, 2)).toBe('Found 1 hook; 1 problem; 2 other files skipped.');
    expect(describeImportResult({ hooks: [], problems: [] })).toBe('No hooks found.');
  });
});

test('names the secrets whose value was not exported', () => {
  const result = importFiles([
    file(
      'hooks/a.json',
      JSON.stringify({
        name: 'a',
        triggerId: 'pre-user-registration',
        script: './a.js',
        secrets: { HIDDEN: '_VALUE_NOT_SHOWN_', SHOWN: 'value' },
      }),
    ),
    file('hooks/a.js', 'module.exports = function (user, context, cb) { cb(); };'),
  ]);
  expect(result.problems).toEqual([]);
  expect(notExportedSecrets(result.hooks[0]!.record)).toEqual(['HIDDEN']);
});

describe('confirming a guessed point', () => {
  test('a record moved to another point gets its default payload, unless it has its own', () => {
    const record = newHook({ pointId: 'pre-user-registration', name: 'a' });
    const moved = withPoint(record, 'send-phone-message');
    expect(moved.pointId).toBe('send-phone-message');
    expect(moved.draft.payloadText).toBe(starterHookDraft('send-phone-message').payloadText);
    expect(moved.draft.code).toBe(record.draft.code);
    expect(withPoint(record, 'pre-user-registration')).toBe(record);

    const own = { ...record, draft: { ...record.draft, payloadText: '{"user":{}}' } };
    expect(withPoint(own, 'post-user-registration').draft.payloadText).toBe('{"user":{}}');
  });

  test('only guessed points are replaced by the choice', () => {
    const result = importFiles([
      file('sms.js', SMS_HOOK),
      file(
        'hooks/b.json',
        JSON.stringify({ name: 'b', triggerId: 'post-change-password', script: './b.js' }),
      ),
      file('hooks/b.js', 'module.exports = function (user, context, cb) { cb(); };'),
    ]);
    const guessed = result.hooks.find((hook) => hook.pointGuessed)!;
    const declared = result.hooks.find((hook) => !hook.pointGuessed)!;
    expect(guessed.record.pointId).toBe('send-phone-message');

    const records = recordsToImport(result.hooks, {
      [guessed.record.id]: 'credentials-exchange',
      [declared.record.id]: 'credentials-exchange',
    });
    expect(records.find((r) => r.id === guessed.record.id)?.pointId).toBe('credentials-exchange');
    expect(records.find((r) => r.id === declared.record.id)?.pointId).toBe('post-change-password');
    expect(recordsToImport(result.hooks, {}).map((r) => r.pointId)).toEqual(
      result.hooks.map((hook) => hook.record.pointId),
    );
  });
});

test('a re-import of the same hooks joins the workspace renamed, with notes', () => {
  const files = [
    file(
      'hooks/cce.json',
      JSON.stringify({
        name: 'cce',
        triggerId: 'credentials-exchange',
        enabled: true,
        script: './cce.js',
      }),
    ),
    file('hooks/cce.js', getPoint('credentials-exchange').starterCode),
  ];
  const first = mergeImport([], recordsToImport(importFiles(files).hooks, {}));
  expect(first.added.map((hook) => [hook.name, hook.enabled])).toEqual([['cce', true]]);
  const second = mergeImport(first.added, recordsToImport(importFiles(files).hooks, {}));
  expect(second.added.map((hook) => [hook.name, hook.enabled])).toEqual([['cce 2', false]]);
  expect(second.notes).toHaveLength(2);
  expect(importedSummary(second.added.length)).toBe('Imported 1 hook.');
});
