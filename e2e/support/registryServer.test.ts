import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parseTar } from 'nanotar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRegistry } from './registryServer.mjs';

type Registry = Awaited<ReturnType<typeof startRegistry>>;
interface Packument {
  name: string;
  'dist-tags': Record<string, string>;
  versions: Record<
    string,
    { dependencies?: Record<string, string>; dist: { tarball: string; integrity: string } }
  >;
}

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry(0, { corrupt: ['ms'] });
});
afterAll(() => registry.server.close());

const packument = async (name: string) =>
  (await (await fetch(`${registry.url}/${name.replace('/', '%2f')}`)).json()) as Packument;
const sri = (bytes: Uint8Array) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

describe('the local registry the package journeys fetch from', () => {
  it('serves real lodash 4.17.21: its metadata, and a tarball that matches its integrity', async () => {
    const lodash = await packument('lodash');
    expect(lodash['dist-tags'].latest).toBe('4.17.21');
    const { tarball, integrity } = lodash.versions['4.17.21']!.dist;
    const bytes = new Uint8Array(await (await fetch(tarball)).arrayBuffer());
    expect(sri(bytes)).toBe(integrity);
    const files = parseTar(gunzipSync(bytes));
    const manifest = files.find((file) => file.name === 'package/package.json');
    expect(JSON.parse(manifest!.text)).toMatchObject({ name: 'lodash', version: '4.17.21' });
    expect(files.some((file) => file.name === 'package/lodash.js')).toBe(true);
  });

  it('serves jsonwebtoken 9.0.2 and every package of its tree, as the project installed them', async () => {
    const jwt = await packument('jsonwebtoken');
    const deps = jwt.versions['9.0.2']!.dependencies!;
    expect(Object.keys(deps)).toContain('jws');
    for (const name of [...Object.keys(deps), 'jwa', 'safe-buffer', 'ecdsa-sig-formatter']) {
      const served = await packument(name);
      expect(Object.keys(served.versions).length, name).toBeGreaterThan(0);
    }
  });

  it('serves a corrupted tarball for a package asked to be corrupt, and 404 for unknown names', async () => {
    const ms = await packument('ms');
    const { tarball, integrity } = Object.values(ms.versions)[0]!.dist;
    const bytes = new Uint8Array(await (await fetch(tarball)).arrayBuffer());
    expect(sri(bytes)).not.toBe(integrity);
    const missing = await fetch(`${registry.url}/no-such-package-hookpad`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });
});
