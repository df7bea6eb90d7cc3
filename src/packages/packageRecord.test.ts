import { describe, expect, it } from 'vitest';
import { packageRecordSchema } from './packageRecord';

const record = {
  name: '@acme/util',
  version: '1.0.0',
  integrity: `sha512-${'A'.repeat(86)}==`,
  source: 'file',
  size: 2,
  files: { 'package.json': '{}', 'lib/index.js': '' },
  skippedFiles: 0,
};

describe('packageRecordSchema', () => {
  it('reads a stored package record', () => {
    expect(packageRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses a record whose files would climb out of the package', () => {
    for (const path of [
      '../evil.js',
      'lib/../../evil.js',
      '/etc/passwd',
      'lib//x.js',
      'a\\..\\b.js',
      './x.js',
    ]) {
      const result = packageRecordSchema.safeParse({
        ...record,
        files: { ...record.files, [path]: 'x' },
      });
      expect(result.success, path).toBe(false);
    }
  });

  it('refuses a record with a bad name, integrity or source', () => {
    expect(packageRecordSchema.safeParse({ ...record, name: '__proto__' }).success).toBe(false);
    expect(packageRecordSchema.safeParse({ ...record, integrity: 'sha1-abc' }).success).toBe(false);
    expect(packageRecordSchema.safeParse({ ...record, source: 'cdn' }).success).toBe(false);
    expect(packageRecordSchema.safeParse({ ...record, size: -1 }).success).toBe(false);
  });
});
