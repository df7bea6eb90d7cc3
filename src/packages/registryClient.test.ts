import { describe, expect, it } from 'vitest';
import { MAX_TARBALL_BYTES } from './packageLimits';
import { normaliseRegistry } from './registryAddress';
import { createRegistryClient } from './registryClient';
import { fakeRegistry, lodashPackument, TEST_REGISTRY } from './registryFixtures.testSupport';

const answering =
  (response: () => Response, seen: string[] = []) =>
  async (url: string) => {
    seen.push(url);
    return response();
  };

describe('normaliseRegistry', () => {
  it('adds the trailing slash and drops a query or fragment', () => {
    expect(normaliseRegistry('https://registry.npmjs.org')).toBe('https://registry.npmjs.org/');
    expect(normaliseRegistry(' https://npm.example.com/repo/npm/?x=1#y ')).toBe(
      'https://npm.example.com/repo/npm/',
    );
    expect(normaliseRegistry('http://localhost:4873/')).toBe('http://localhost:4873/');
  });

  it('refuses what is not an http(s) address without credentials', () => {
    expect(() => normaliseRegistry('registry.npmjs.org')).toThrow(
      '"registry.npmjs.org" is not a registry address',
    );
    expect(() => normaliseRegistry('file:///etc/')).toThrow(
      'must start with https:// or http://, not file:',
    );
    expect(() => normaliseRegistry('javascript:alert(1)')).toThrow(/not javascript:/);
    expect(() => normaliseRegistry('https://me:secret@registry.example/')).toThrow(
      /user name or password/,
    );
  });
});

describe('createRegistryClient', () => {
  it('asks for abbreviated metadata, escaping the slash of a scoped name', async () => {
    const registry = await fakeRegistry([{ name: '@acme/sdk', version: '1.0.0' }]);
    const client = createRegistryClient({
      registry: TEST_REGISTRY.slice(0, -1),
      fetch: registry.fetch,
    });
    expect(client.registry).toBe(TEST_REGISTRY);
    const packument = await client.getPackument('@acme/sdk');
    expect(Object.keys(packument.versions)).toEqual(['1.0.0']);
    expect(registry.requests).toEqual([
      {
        url: 'https://registry.example/@acme%2fsdk',
        accept: expect.stringContaining('application/vnd.npm.install-v1+json'),
      },
    ]);
  });

  it("calls fetch on its own, as a browser's fetch must be called", async () => {
    const registry = await fakeRegistry([{ name: 'tiny', version: '1.0.0' }]);
    const client = createRegistryClient({
      registry: TEST_REGISTRY,
      fetch: function (this: unknown, url, init) {
        if (this !== undefined) throw new TypeError('Illegal invocation');
        return registry.fetch(url, init);
      },
    });
    await expect(client.getPackument('tiny')).resolves.toMatchObject({ name: 'tiny' });
  });

  it('reads the registry metadata of a real package', async () => {
    const client = createRegistryClient({ fetch: answering(() => Response.json(lodashPackument)) });
    expect(client.registry).toBe('https://registry.npmjs.org/');
    expect((await client.getPackument('lodash')).distTags.latest).toBe('4.17.21');
  });

  it('refuses an invalid name before asking the registry', async () => {
    const seen: string[] = [];
    const client = createRegistryClient({ fetch: answering(() => Response.json({}), seen) });
    await expect(client.getPackument('../../-/user/org.couchdb.user:x')).rejects.toThrow(
      /is not a valid npm package name/,
    );
    await expect(client.getPackument('__proto__')).rejects.toThrow(
      /is not a valid npm package name/,
    );
    expect(seen).toEqual([]);
  });

  it('turns registry answers and failures into messages naming the registry', async () => {
    const notFound = createRegistryClient({
      registry: TEST_REGISTRY,
      fetch: answering(() => new Response('{}', { status: 404, statusText: 'Not Found' })),
    });
    await expect(notFound.getPackument('nope')).rejects.toThrow(
      'The registry https://registry.example/ has no package nope (404).',
    );
    const failing = createRegistryClient({
      registry: TEST_REGISTRY,
      fetch: answering(() => new Response('', { status: 503, statusText: 'Service Unavailable' })),
    });
    await expect(failing.getPackument('lodash')).rejects.toThrow(
      'The registry https://registry.example/ answered 503 Service Unavailable for package lodash.',
    );
    const offline = createRegistryClient({
      registry: TEST_REGISTRY,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(offline.getPackument('lodash')).rejects.toThrow(
      'Could not reach the registry https://registry.example/ for package lodash: Failed to fetch.',
    );
    await expect(offline.getTarball(`${TEST_REGISTRY}lodash/-/lodash-4.17.21.tgz`)).rejects.toThrow(
      /Could not reach the registry https:\/\/registry\.example\/ for the tarball/,
    );
  });

  it('refuses an answer that is not the metadata asked for', async () => {
    const html = createRegistryClient({
      fetch: answering(() => new Response('<html>login</html>')),
    });
    await expect(html.getPackument('lodash')).rejects.toThrow(
      /answered for package lodash with something that is not JSON/,
    );
    const wrong = createRegistryClient({ fetch: answering(() => Response.json(lodashPackument)) });
    await expect(wrong.getPackument('underscore')).rejects.toThrow(/with the metadata of lodash/);
    const shapeless = createRegistryClient({
      fetch: answering(() => Response.json({ name: 'lodash', versions: [] })),
    });
    await expect(shapeless.getPackument('lodash')).rejects.toThrow(
      /metadata Hookpad cannot use: .*versions/,
    );
  });

  it('downloads a tarball, refusing non-http addresses and oversized answers', async () => {
    const registry = await fakeRegistry([{ name: 'tiny', version: '1.0.0' }]);
    const client = createRegistryClient({ registry: TEST_REGISTRY, fetch: registry.fetch });
    const url = `${TEST_REGISTRY}tiny/-/tiny-1.0.0.tgz`;
    expect(await client.getTarball(url)).toEqual(registry.tarballs.get(url));
    await expect(client.getTarball('file:///etc/passwd')).rejects.toThrow(/is not http\(s\)/);
    await expect(client.getTarball('not a url')).rejects.toThrow(/is not a tarball address/);

    const declared = createRegistryClient({
      fetch: answering(
        () => new Response('x', { headers: { 'content-length': String(MAX_TARBALL_BYTES + 1) } }),
      ),
    });
    await expect(declared.getTarball(url)).rejects.toThrow(
      /is too large\. Bytes: at most 33,554,432/,
    );
    const streamed = createRegistryClient({
      fetch: answering(
        () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.enqueue(new Uint8Array(4 * 1024 * 1024));
              },
            }),
          ),
      ),
    });
    await expect(streamed.getTarball(url)).rejects.toThrow(/is too large/);
  });

  it('reports a download cut off mid-way', async () => {
    const client = createRegistryClient({
      fetch: answering(
        () =>
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new Uint8Array(10));
                controller.error(new TypeError('network error'));
              },
            }),
          ),
      ),
    });
    await expect(client.getTarball(`${TEST_REGISTRY}x.tgz`)).rejects.toThrow(
      /was cut off while downloading: network error/,
    );
  });
});
