import { computeIntegrity } from './integrity';
import { packumentSchema, type Packument } from './packumentSchema';
import { manifest, packTarball } from './tarballs.testSupport';

export const TEST_REGISTRY = 'https://registry.example/';

/**
 * lodash's abbreviated metadata as the registry serves it, cut to two versions; the
 * extra fields (`modified`, `engines`, `_hasShrinkwrap`, …) are there to be ignored.
 */
export const lodashPackument = {
  name: 'lodash',
  modified: '2024-05-01T00:00:00.000Z',
  'dist-tags': { latest: '4.17.21' },
  versions: {
    '4.17.20': {
      name: 'lodash',
      version: '4.17.20',
      dist: {
        shasum: '1f9e2e3b1df3ed7ef00c8d25f5db4c8ac69a6b77',
        tarball: 'https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz',
        integrity:
          'sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA==',
        fileCount: 1051,
        unpackedSize: 1370000,
      },
      _hasShrinkwrap: false,
    },
    '4.17.21': {
      name: 'lodash',
      version: '4.17.21',
      dist: {
        shasum: '679591c564c3bffaae8454cf0b3df370c3d6911c',
        tarball: 'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz',
        integrity:
          'sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==',
        fileCount: 1054,
        unpackedSize: 1412415,
      },
      engines: { node: '>=0.10' },
      _hasShrinkwrap: false,
    },
  },
};

/** One published version of a fake package: its dependencies and, optionally, its files. */
export interface FakeVersion {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  files?: Record<string, string>;
}

export function tarballUrl(name: string, version: string): string {
  const base = name.includes('/') ? name.split('/')[1]! : name;
  return `${TEST_REGISTRY}${name}/-/${base}-${version}.tgz`;
}

/** The registry's raw JSON for some fake versions of one package (latest: the last given). */
export function rawPackument(
  versions: readonly FakeVersion[],
  integrityOf: (version: FakeVersion) => string = () => 'sha512-unverified',
  distTags?: Record<string, string>,
): unknown {
  const name = versions[0]!.name;
  return {
    name,
    'dist-tags': distTags ?? { latest: versions.at(-1)!.version },
    versions: Object.fromEntries(
      versions.map((entry) => [
        entry.version,
        {
          name,
          version: entry.version,
          dependencies: entry.dependencies ?? {},
          dist: { tarball: tarballUrl(name, entry.version), integrity: integrityOf(entry) },
        },
      ]),
    ),
  };
}

/** getPackument over fake versions, with the names it was asked for, in order. */
export function fakePackuments(all: readonly FakeVersion[]): {
  getPackument: (name: string) => Promise<Packument>;
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    getPackument: async (name) => {
      asked.push(name);
      const versions = all.filter((entry) => entry.name === name);
      if (versions.length === 0) throw new Error(`The registry has no package ${name} (404)`);
      return packumentSchema.parse(rawPackument(versions));
    },
  };
}

/**
 * A registry over fetch: packuments at `<registry><name with %2f>`, tarballs made from each
 * version's files (a package.json is added), with their real sha512 integrity. `requests`
 * records every URL asked for.
 */
export async function fakeRegistry(all: readonly FakeVersion[]): Promise<{
  fetch: (url: string, init?: { headers?: Record<string, string> }) => Promise<Response>;
  requests: { url: string; accept?: string }[];
  tarballs: Map<string, Uint8Array>;
}> {
  const tarballs = new Map<string, Uint8Array>();
  const integrities = new Map<FakeVersion, string>();
  for (const entry of all) {
    const bytes = packTarball({
      'package.json': manifest(entry.name, entry.version, {
        dependencies: entry.dependencies ?? {},
      }),
      ...(entry.files ?? {
        'index.js': `module.exports = ${JSON.stringify(`${entry.name}@${entry.version}`)};`,
      }),
    });
    tarballs.set(tarballUrl(entry.name, entry.version), bytes);
    integrities.set(entry, await computeIntegrity(bytes));
  }
  const requests: { url: string; accept?: string }[] = [];
  const fetch = async (url: string, init?: { headers?: Record<string, string> }) => {
    requests.push({ url, accept: init?.headers?.accept });
    const tarball = tarballs.get(url);
    if (tarball !== undefined) return new Response(tarball as BodyInit, { status: 200 });
    const name = decodeURIComponent(url.slice(TEST_REGISTRY.length));
    const versions = all.filter((entry) => entry.name === name);
    if (versions.length === 0)
      return new Response('{"error":"Not found"}', { status: 404, statusText: 'Not Found' });
    return new Response(
      JSON.stringify(rawPackument(versions, (entry) => integrities.get(entry)!)),
      {
        status: 200,
        headers: { 'content-type': 'application/json' },
      },
    );
  };
  return { fetch, requests, tarballs };
}
