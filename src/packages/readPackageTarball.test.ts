import { gzipSync as gzipNode } from 'node:zlib';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_TARBALL_BYTES, MAX_UNPACKED_BYTES } from './packageLimits';
import { readPackageTarball } from './readPackageTarball';
import { manifest, packTarball, paxData, rawTar, rawTarball } from './tarballs.testSupport';

const pkg = manifest('left-pad', '1.3.0', { main: 'index.js' });

describe('readPackageTarball', () => {
  it('reads a tarball as npm pack writes it: files under package/, package.json parsed', async () => {
    const read = await readPackageTarball(
      packTarball({
        'package.json': pkg,
        'index.js': 'module.exports = 1;',
        'lib/util.js': 'exports.u = 2;',
      }),
    );
    expect(read.packageJson).toMatchObject({
      name: 'left-pad',
      version: '1.3.0',
      main: 'index.js',
    });
    expect(read.files).toEqual({
      'package.json': pkg,
      'index.js': 'module.exports = 1;',
      'lib/util.js': 'exports.u = 2;',
    });
    expect(read.size).toBe(pkg.length + 'module.exports = 1;'.length + 'exports.u = 2;'.length);
    expect(read.skippedFiles).toBe(0);
  });

  it('takes whatever common top folder the archive has, or none', async () => {
    const named = await readPackageTarball(
      packTarball({ 'package.json': pkg, 'index.js': 'x' }, 'left-pad/'),
    );
    expect(Object.keys(named.files).sort()).toEqual(['index.js', 'package.json']);
    const flat = await readPackageTarball(
      packTarball({ 'package.json': pkg, 'index.js': 'x' }, ''),
    );
    expect(Object.keys(flat.files).sort()).toEqual(['index.js', 'package.json']);
  });

  it('reads long paths from the ustar prefix, pax headers and GNU long names', async () => {
    const deep = `${'very-long-folder-name/'.repeat(6)}file.js`;
    const read = await readPackageTarball(
      rawTarball([
        { name: 'package/', type: '5' },
        { name: 'package.json', prefix: 'package', data: pkg },
        {
          name: 'file.js',
          prefix: `package/${'very-long-folder-name/'.repeat(6).slice(0, -1)}`,
          data: 'prefix',
        },
        {
          name: 'PaxHeader/x',
          type: 'x',
          data: paxData({ path: `package/pax/${'p'.repeat(150)}.js`, mtime: '1=2' }),
        },
        { name: 'package/pax/truncated-name', data: 'pax' },
        { name: '././@LongLink', type: 'L', data: `package/gnu/${'g'.repeat(120)}.js\0` },
        { name: 'package/gnu/ggggg', data: 'gnu' },
      ]),
    );
    expect(read.files[deep]).toBe('prefix');
    expect(read.files[`pax/${'p'.repeat(150)}.js`]).toBe('pax');
    expect(read.files[`gnu/${'g'.repeat(120)}.js`]).toBe('gnu');
  });

  it('applies a pax size to the entry after the extended headers, not to another header', async () => {
    const read = await readPackageTarball(
      rawTarball([
        { name: 'package/package.json', data: pkg },
        { name: 'PaxHeader/1', type: 'x', data: paxData({ size: '5' }) },
        { name: 'PaxHeader/2', type: 'x', data: paxData({ path: 'package/sized.js' }) },
        { name: 'package/ignored-name', data: 'hello', size: 0o77777777 },
        { name: 'package/after.js', data: 'after' },
      ]),
    );
    expect(read.files['sized.js']).toBe('hello');
    expect(read.files['after.js']).toBe('after');
  });

  it('drops a byte-order mark, as Node does when it loads the file', async () => {
    const read = await readPackageTarball(packTarball({ 'package.json': `\uFEFF${pkg}` }));
    expect(read.files['package.json']).toBe(pkg);
    expect(read.packageJson.name).toBe('left-pad');
  });

  it('skips binary files, links and a __proto__ file, and counts them', async () => {
    const read = await readPackageTarball(
      rawTarball([
        { name: 'package/package.json', data: pkg },
        { name: 'package/logo.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) },
        { name: 'package/latin1.txt', data: new Uint8Array([0xe9, 0xe8]) },
        { name: 'package/link.js', type: '2' },
        { name: 'package/ok.js', data: 'ok' },
        { name: 'package/__proto__', data: '{"polluted":true}' },
      ]),
    );
    expect(Object.keys(read.files).sort()).toEqual(['ok.js', 'package.json']);
    expect(read.skippedFiles).toBe(4);
    expect(Object.getPrototypeOf(read.files)).toBe(Object.prototype);
  });

  it('refuses bytes that are not gzip', async () => {
    await expect(
      readPackageTarball(strToU8('PK\u0003\u0004 not a tarball'), 'left-pad.tgz'),
    ).rejects.toThrow('left-pad.tgz is not a gzip file');
  });

  it('refuses a truncated or damaged download', async () => {
    // Cut in the middle: a fixed count from the end once emptied a tarball that compressed to
    // 200 bytes (its size moves with the mtime nanotar writes), which is "not gzip" instead.
    const lines = Array.from({ length: 400 }, (_, i) => `exports.f${i} = ${i * 7919};`);
    const whole = packTarball({ 'package.json': pkg, 'index.js': lines.join('\n') });
    await expect(
      readPackageTarball(whole.subarray(0, Math.floor(whole.length / 2)), 'left-pad.tgz'),
    ).rejects.toThrow(/left-pad\.tgz could not be decompressed \(damaged or truncated\)/);
    const flipped = whole.slice();
    flipped[whole.length - 6]! ^= 0xff; // the CRC-32 or length of the gzip trailer
    await expect(readPackageTarball(flipped)).rejects.toThrow(/could not be decompressed/);
  });

  it('refuses a tar stream cut short or with a corrupted header', async () => {
    const tar = rawTar([
      { name: 'package/package.json', data: pkg },
      { name: 'package/index.js', data: 'y'.repeat(3000) },
    ]);
    await expect(
      readPackageTarball(gzipSync(tar.subarray(0, 512 + 512 + 512 + 700))),
    ).rejects.toThrow('The tarball is truncated: an entry is cut short.');
    await expect(readPackageTarball(gzipSync(tar.subarray(0, 1024 + 100)))).rejects.toThrow(
      /truncated: a header/,
    );
    const corrupted = tar.slice();
    corrupted[10]! ^= 0x01; // a byte of the first file name: the header checksum no longer matches
    await expect(readPackageTarball(gzipSync(corrupted))).rejects.toThrow(
      /header checksum does not match/,
    );
  });

  it('refuses an entry that points outside the package, naming it', async () => {
    for (const path of [
      'package/../../etc/passwd',
      '/etc/passwd',
      'package\\..\\..\\evil.js',
      'C:/evil.js',
    ]) {
      await expect(
        readPackageTarball(
          rawTarball([
            { name: 'package/package.json', data: pkg },
            { name: path, data: 'x' },
          ]),
          'evil.tgz',
        ),
      ).rejects.toThrow(`evil.tgz is refused: its entry "${path}" points outside the package.`);
    }
    const pax = rawTarball([
      { name: 'package/package.json', data: pkg },
      { name: 'PaxHeader', type: 'x', data: paxData({ path: 'package/../../../home/x/.bashrc' }) },
      { name: 'package/innocent.js', data: 'x' },
    ]);
    await expect(readPackageTarball(pax)).rejects.toThrow(/points outside the package/);
  });

  it('refuses a tarball without a usable package.json', async () => {
    await expect(readPackageTarball(packTarball({ 'index.js': 'x' }), 'a.tgz')).rejects.toThrow(
      'a.tgz has no package.json at its top.',
    );
    await expect(readPackageTarball(packTarball({ 'package.json': '{ nope' }))).rejects.toThrow(
      /not valid JSON/,
    );
    await expect(
      readPackageTarball(packTarball({ 'package.json': manifest('__proto__', '1.0.0') })),
    ).rejects.toThrow(/package\.json Hookpad cannot use: .*name/s);
    await expect(
      readPackageTarball(packTarball({ 'package.json': manifest('a', 'one') })),
    ).rejects.toThrow(/not a semver version/);
  });

  it('refuses a tarball over the size limits before or while unpacking it', async () => {
    const huge = new Uint8Array(MAX_TARBALL_BYTES + 1);
    huge.set([0x1f, 0x8b]);
    await expect(readPackageTarball(huge, 'huge.tgz')).rejects.toThrow(
      /huge\.tgz is too large\. Bytes of a tarball: at most 33,554,432/,
    );
    // A small file that inflates past the unpacked limit (a "gzip bomb").
    const bomb = new Uint8Array(gzipNode(new Uint8Array(MAX_UNPACKED_BYTES + 1024), { level: 1 }));
    expect(bomb.length).toBeLessThan(MAX_TARBALL_BYTES);
    await expect(readPackageTarball(bomb, 'bomb.tgz')).rejects.toThrow(
      /bomb\.tgz is too large once unpacked\. Unpacked bytes: at most/,
    );
  });
});
