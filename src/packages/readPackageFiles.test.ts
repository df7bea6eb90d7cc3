import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeIntegrity, filesIntegrity } from './integrity';
import { packageRecordSchema } from './packageRecord';
import { readPackageFiles } from './readPackageFiles';
import { manifest, packTarball, rawTarball } from './tarballs.testSupport';

const zipOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));

describe('readPackageFiles', () => {
  it('reads several .tgz files into package records', async () => {
    const leftPad = packTarball({
      'package.json': manifest('left-pad', '1.3.0'),
      'index.js': 'module.exports = 1;',
    });
    const scoped = packTarball({ 'package.json': manifest('@acme/util', '0.2.0'), 'main.js': '' });
    const { packages, problems } = await readPackageFiles([
      { name: 'left-pad-1.3.0.tgz', bytes: leftPad },
      { name: 'acme-util-0.2.0.tgz', bytes: scoped },
    ]);
    expect(problems).toEqual([]);
    expect(packages.map((record) => packageRecordSchema.parse(record))).toEqual(packages);
    expect(packages.map(({ name, version, source }) => `${name}@${version} ${source}`)).toEqual([
      'left-pad@1.3.0 file',
      '@acme/util@0.2.0 file',
    ]);
    expect(packages[0]!.integrity).toBe(await computeIntegrity(leftPad));
    expect(packages[1]!.files).toEqual({
      'package.json': manifest('@acme/util', '0.2.0'),
      'main.js': '',
    });
  });

  it('reads a zip of node_modules: top-level, scoped and nested packages, each with its own files', async () => {
    const zip = zipOf({
      'node_modules/.package-lock.json': '{}',
      'node_modules/.bin/tool': '#!/bin/sh',
      'node_modules/a/package.json': manifest('a', '1.0.0'),
      'node_modules/a/index.js': 'a',
      'node_modules/a/test/fixture/package.json': '{"not":"a package"}',
      'node_modules/a/node_modules/b/package.json': manifest('b', '2.0.0'),
      'node_modules/a/node_modules/b/lib/b.js': 'b2',
      'node_modules/b/package.json': manifest('b', '1.0.0'),
      'node_modules/@s/c/package.json': manifest('@s/c', '3.0.0'),
      'node_modules/@s/c/c.js': 'c',
      '__MACOSX/node_modules/a/._index.js': 'junk',
    });
    const { packages, problems } = await readPackageFiles([{ name: 'deps.zip', bytes: zip }]);
    expect(problems).toEqual([]);
    const byId = Object.fromEntries(
      packages.map((record) => [`${record.name}@${record.version}`, record]),
    );
    expect(Object.keys(byId).sort()).toEqual(['@s/c@3.0.0', 'a@1.0.0', 'b@1.0.0', 'b@2.0.0']);
    expect(Object.keys(byId['a@1.0.0']!.files).sort()).toEqual([
      'index.js',
      'package.json',
      'test/fixture/package.json',
    ]);
    expect(byId['b@2.0.0']!.files['lib/b.js']).toBe('b2');
    expect(byId['@s/c@3.0.0']!.files['c.js']).toBe('c');
    expect(byId['a@1.0.0']!.integrity).toBe(await filesIntegrity(byId['a@1.0.0']!.files));
  });

  it('reports each bad file or package by name and keeps the good ones', async () => {
    const good = packTarball({ 'package.json': manifest('good', '1.0.0') });
    const zip = zipOf({
      'project/node_modules/ok/package.json': manifest('ok', '1.0.0'),
      'project/node_modules/broken/package.json': '{ nope',
    });
    const { packages, problems } = await readPackageFiles([
      { name: 'notes.txt', bytes: strToU8('hello') },
      { name: 'cut.tgz', bytes: good.subarray(0, 20) },
      { name: 'evil.tgz', bytes: rawTarball([{ name: 'package/../../x.js', data: 'x' }]) },
      { name: 'good.tgz', bytes: good },
      { name: 'modules.zip', bytes: zip },
      { name: 'empty.zip', bytes: zipOf({ 'readme.txt': 'nothing here' }) },
      { name: 'bad.zip', bytes: strToU8('PK\u0003\u0004 garbage') },
    ]);
    expect(packages.map((record) => record.name)).toEqual(['good', 'ok']);
    expect(problems).toEqual([
      {
        file: 'notes.txt',
        message: 'Not a package file: expected a .tgz from npm pack or a .zip of node_modules.',
      },
      { file: 'cut.tgz', message: expect.stringMatching(/^cut\.tgz could not be decompressed/) },
      {
        file: 'evil.tgz',
        message: 'evil.tgz is refused: its entry "package/../../x.js" points outside the package.',
      },
      {
        file: 'modules.zip: project/node_modules/broken',
        message: 'project/node_modules/broken has a package.json that is not valid JSON.',
      },
      {
        file: 'empty.zip',
        message: 'It holds no package: no node_modules/<name>/package.json was found.',
      },
      { file: 'bad.zip', message: expect.stringMatching(/^bad\.zip is not a readable zip file/) },
    ]);
  });

  it('refuses a zip with an entry pointing outside it', async () => {
    const zip = zipOf({
      'node_modules/a/package.json': manifest('a', '1.0.0'),
      'node_modules/../../evil.js': 'x',
    });
    const { packages, problems } = await readPackageFiles([{ name: 'evil.zip', bytes: zip }]);
    expect(packages).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'evil.zip',
        message:
          'evil.zip is refused: its entry "node_modules/../../evil.js" points outside the package.',
      },
    ]);
  });

  it('keeps a package met twice once, and reports two different copies of one name@version', async () => {
    const one = packTarball({ 'package.json': manifest('p', '1.0.0'), 'index.js': 'one' });
    const other = packTarball({ 'package.json': manifest('p', '1.0.0'), 'index.js': 'two' });
    const { packages, problems } = await readPackageFiles([
      { name: 'p.tgz', bytes: one },
      { name: 'p-copy.tgz', bytes: one },
      { name: 'p-changed.tgz', bytes: other },
    ]);
    expect(packages).toHaveLength(1);
    expect(packages[0]!.files['index.js']).toBe('one');
    expect(problems).toEqual([
      {
        file: 'p-changed.tgz',
        message: 'p@1.0.0 differs from the copy in p.tgz; that one is kept.',
      },
    ]);
  });
});
