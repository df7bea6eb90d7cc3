import { expect, test } from 'vitest';
import { isWorthReading, readFileList } from './readDroppedFiles';

test('inside folders, only hook file types outside node_modules and dot-folders are read', () => {
  expect(isWorthReading('tenant/hooks/a.js')).toBe(true);
  expect(isWorthReading('tenant/tenant.yaml')).toBe(true);
  expect(isWorthReading('tenant/hooks/a.JSON')).toBe(true);
  expect(isWorthReading('export.zip')).toBe(true);
  expect(isWorthReading('tenant/README.md')).toBe(false);
  expect(isWorthReading('tenant/node_modules/x/index.js')).toBe(false);
  expect(isWorthReading('tenant/.git/config.json')).toBe(false);
});

test('a file list: given files are all read, folder files by their relative path', async () => {
  const inFolder = (path: string, text: string) => {
    const file = new File([text], path.split('/').at(-1)!);
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    return file;
  };
  const read = await readFileList([
    new File(['x'], 'notes.txt'),
    inFolder('tenant/hooks/a.js', 'code'),
    inFolder('tenant/logo.png', 'png'),
  ]);
  expect(read.skipped).toBe(1);
  expect(read.files.map((file) => [file.path, new TextDecoder().decode(file.bytes)])).toEqual([
    ['notes.txt', 'x'],
    ['tenant/hooks/a.js', 'code'],
  ]);
});
