import { afterEach, describe, expect, it } from 'vitest';
import {
  createRegistryFrameClient,
  type ConnectRegistryFrame,
  type RegistryFetch,
  type RegistryFetchOptions,
} from './registryFrameClient';
import type { RegistryFrameRequest } from './registryFrameProtocol';

const REGISTRY = 'https://mirror.corp/npm/';
const ORIGIN = 'https://mirror.corp';
const PACKUMENT = `${REGISTRY}lodash`;

/** Lets pending promise callbacks and zero-delay timers run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A frame the test answers by hand: what was posted, and a way to send messages back. */
function fakeFrame(options: { failConnects?: number } = {}) {
  const posted: RegistryFrameRequest[] = [];
  const counts = { connects: 0, closes: 0 };
  let onMessage: (data: unknown) => void = () => undefined;
  let failures = options.failConnects ?? 0;
  const connect: ConnectRegistryFrame = async (deliver) => {
    counts.connects += 1;
    if (failures > 0) {
      failures -= 1;
      throw new Error('the page is unloading');
    }
    onMessage = deliver;
    return { post: (request) => posted.push(request), close: () => (counts.closes += 1) };
  };
  return {
    posted,
    connect,
    send: (data: unknown) => onMessage(data),
    get connects() {
      return counts.connects;
    },
    get closes() {
      return counts.closes;
    },
  };
}

const clients: RegistryFetch[] = [];
function client(frame: ReturnType<typeof fakeFrame>, options?: RegistryFetchOptions) {
  const created = createRegistryFrameClient(REGISTRY, frame.connect, options);
  clients.push(created);
  return created;
}
afterEach(() => {
  for (const created of clients.splice(0)) created.dispose();
});

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer;
const downloaded = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  ok: true,
  url: PACKUMENT,
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json' },
  body: bytesOf('{"name":"lodash"}'),
  ...overrides,
});

describe('the registry frame client', () => {
  it('refuses an address off the registry origin before anything is posted or mounted', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    for (const url of [
      'https://registry.npmjs.org/lodash',
      'http://mirror.corp/npm/lodash',
      'https://mirror.corp:8443/npm/lodash',
      'https://mirror.corp.evil.example/npm/lodash',
      'javascript:alert(1)',
      'data:application/json,{}',
      '/npm/lodash',
      'not a url',
    ]) {
      await expect(registry.fetch(url)).rejects.toThrow(
        `"${url}" is not on the registry's origin ${ORIGIN}: Hookpad downloads packages only from the registry address in Dependencies' settings.`,
      );
    }
    await expect(registry.fetch('https://me:secret@mirror.corp/npm/lodash')).rejects.toThrow(
      /holds a user name or password/,
    );
    expect(frame.connects).toBe(0);
    expect(frame.posted).toEqual([]);
  });

  it('refuses a registry address that is not plain http(s) at once', () => {
    expect(() => createRegistryFrameClient('ftp://mirror.corp/', fakeFrame().connect)).toThrow(
      /not ftp:/,
    );
  });

  it('opens the frame on the first download and reuses it; asks with headers and the limit', async () => {
    const frame = fakeFrame();
    const registry = client(frame, { maxBytes: 1000 });
    const first = registry.fetch(PACKUMENT, { headers: { accept: 'application/json' } });
    const second = registry.fetch(`${REGISTRY}lodash/-/lodash-4.17.21.tgz`);
    await tick();
    expect(frame.connects).toBe(1);
    expect(frame.posted).toEqual([
      {
        type: 'fetch',
        id: 1,
        url: PACKUMENT,
        headers: { accept: 'application/json' },
        maxBytes: 1000,
      },
      {
        type: 'fetch',
        id: 2,
        url: `${REGISTRY}lodash/-/lodash-4.17.21.tgz`,
        headers: {},
        maxBytes: 1000,
      },
    ]);
    // Answers come in any order; each reaches its own request.
    frame.send(downloaded(2, { body: bytesOf('tarball'), headers: {} }));
    frame.send(downloaded(1));
    const [packument, tarball] = await Promise.all([first, second]);
    expect(await packument.text()).toBe('{"name":"lodash"}');
    expect(await tarball.text()).toBe('tarball');
  });

  it('rebuilds the Response: status, status text, the two headers and the body', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    await tick();
    frame.send(
      downloaded(1, {
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'application/json', 'content-length': '21' },
        body: bytesOf('{"error":"not found"}'),
      }),
    );
    const response = await pending;
    expect(response.ok).toBe(false);
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-length')).toBe('21');
    expect(await response.json()).toEqual({ error: 'not found' });
  });

  it('gives a bodiless status no body', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    await tick();
    frame.send(downloaded(1, { status: 204, statusText: 'No Content', body: new ArrayBuffer(0) }));
    const response = await pending;
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('drops answers to no pending request and messages without an id', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    await tick();
    for (const noise of [
      null,
      'hello',
      42,
      [],
      { id: '1' },
      { id: 0 },
      { id: 1.5 },
      JSON.parse('{"__proto__": {"id": 1}}'),
      downloaded(7),
    ]) {
      frame.send(noise);
    }
    frame.send(downloaded(1));
    expect((await pending).status).toBe(200);
    // A second answer to the same request is dropped too.
    expect(() => frame.send(downloaded(1))).not.toThrow();
  });

  it.each([
    ['a status no Response has', { status: 99 }],
    ['a status over 599', { status: 600 }],
    ['a body that is not an ArrayBuffer', { body: 'text' }],
    ['a typed array body', { body: new Uint8Array(3) }],
    ['an unexpected field', { extra: true }],
    ['a header Hookpad does not read', { headers: { 'set-cookie': 'a=b' } }],
    ['a header value with a line break', { headers: { 'content-type': 'a\r\nx: y' } }],
    ['a length that is not a number', { headers: { 'content-length': '-1' } }],
    ['a status text with a line break', { statusText: 'OK\r\nx: y' }],
    ['a status text beyond Latin-1', { statusText: 'OK ✓' }],
    ['no url', { url: undefined }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"status": 200}}')],
  ])('rejects a pending download answered with %s', async (_what, overrides) => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    await tick();
    frame.send(downloaded(1, overrides));
    await expect(pending).rejects.toThrow(
      `The registry download frame answered ${PACKUMENT} with a message Hookpad cannot read.`,
    );
  });

  it('refuses an answer that came from another origin after a redirect', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    await tick();
    frame.send(downloaded(1, { url: 'https://cdn.example/lodash' }));
    await expect(pending).rejects.toThrow(
      `it redirects ${PACKUMENT} to https://cdn.example, and Hookpad downloads packages only from the registry address in Dependencies' settings`,
    );
  });

  it('says why a download failed: the network (or CORS), or a redirect the policy blocks', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const network = registry.fetch(PACKUMENT);
    const redirect = registry.fetch(`${REGISTRY}-/x.tgz`);
    await tick();
    frame.send({ id: 1, ok: false, reason: 'network', message: 'Failed to fetch' });
    frame.send({ id: 2, ok: false, reason: 'redirect', message: 'Failed to fetch' });
    await expect(network).rejects.toThrow(
      `Failed to fetch: ${ORIGIN} is out of reach, or it does not allow downloads from a web page (CORS)`,
    );
    await expect(redirect).rejects.toThrow(
      `it redirects ${REGISTRY}-/x.tgz to another address (Failed to fetch), and Hookpad downloads packages only`,
    );
  });

  describe('an answer over the limit', () => {
    async function answered(maxBytes: number, overrides: Record<string, unknown>) {
      const frame = fakeFrame();
      const registry = client(frame, { maxBytes });
      const pending = registry.fetch(PACKUMENT);
      await tick();
      frame.send(downloaded(1, overrides));
      return pending;
    }

    it('hands over its bytes, then fails, so it never passes for a whole answer', async () => {
      const response = await answered(4, { body: new Uint8Array([1, 2, 3, 4, 5]).buffer });
      expect(response.ok).toBe(true);
      const reader = response.body?.getReader();
      const first = await reader?.read();
      expect(first?.value).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
      await expect(reader?.read()).rejects.toThrow(
        `The answer for ${PACKUMENT} is larger than 4 bytes; Hookpad stopped downloading it.`,
      );
    });

    it('fails when its declared length is over the limit, even with no bytes', async () => {
      const response = await answered(1000, {
        headers: { 'content-length': '5000000000' },
        body: new ArrayBuffer(0),
      });
      expect(response.headers.get('content-length')).toBe('5000000000');
      await expect(response.arrayBuffer()).rejects.toThrow(/is larger than 1,000 bytes/);
    });

    it('passes an answer of exactly the limit', async () => {
      const response = await answered(5, {
        headers: { 'content-length': '5' },
        body: new Uint8Array([1, 2, 3, 4, 5]).buffer,
      });
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    });
  });

  it('gives up after the timeout, tells the frame to stop, and drops the late answer', async () => {
    const frame = fakeFrame();
    const registry = client(frame, { timeoutMs: 30 });
    const pending = registry.fetch(PACKUMENT);
    await expect(pending).rejects.toThrow(
      `The registry at ${ORIGIN} did not answer ${PACKUMENT} within 1 s.`,
    );
    await tick();
    expect(frame.posted).toEqual([
      expect.objectContaining({ type: 'fetch', id: 1 }),
      { type: 'abort', id: 1 },
    ]);
    expect(() => frame.send(downloaded(1))).not.toThrow();
  });

  it('reports a frame that throws while opening like one that fails to open', async () => {
    const registry = createRegistryFrameClient(REGISTRY, () => {
      throw new Error('no document');
    });
    clients.push(registry);
    await expect(registry.fetch(PACKUMENT)).rejects.toThrow(
      `Could not open the download frame for the registry at ${ORIGIN}: no document`,
    );
  });

  it('times out when the frame never opens', async () => {
    const frame = fakeFrame();
    const registry = createRegistryFrameClient(REGISTRY, () => new Promise(() => undefined), {
      timeoutMs: 20,
    });
    clients.push(registry);
    await expect(registry.fetch(PACKUMENT)).rejects.toThrow(/did not answer/);
    expect(frame.posted).toEqual([]);
  });

  it('rejects pending and later downloads once disposed, and closes the frame once', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    await tick();
    registry.dispose();
    registry.dispose();
    await expect(pending).rejects.toThrow(
      `The download of ${PACKUMENT} from the registry at ${ORIGIN} was stopped: its download frame was closed.`,
    );
    await expect(registry.fetch(PACKUMENT)).rejects.toThrow(/was stopped/);
    await tick();
    expect(frame.closes).toBe(1);
    expect(frame.connects).toBe(1);
    frame.send(downloaded(1));
  });

  it('closes a frame that opens only after it was disposed, posting nothing to it', async () => {
    const frame = fakeFrame();
    const registry = client(frame);
    const pending = registry.fetch(PACKUMENT);
    registry.dispose();
    await expect(pending).rejects.toThrow(/was stopped/);
    await tick();
    expect(frame.connects).toBe(1);
    expect(frame.closes).toBe(1);
    expect(frame.posted).toEqual([]);
  });

  it('rejects when the frame cannot be opened, and tries again on the next download', async () => {
    const frame = fakeFrame({ failConnects: 1 });
    const registry = client(frame);
    await expect(registry.fetch(PACKUMENT)).rejects.toThrow(
      `Could not open the download frame for the registry at ${ORIGIN}: the page is unloading`,
    );
    const second = registry.fetch(PACKUMENT);
    await tick();
    expect(frame.connects).toBe(2);
    frame.send(downloaded(2));
    expect((await second).status).toBe(200);
  });
});
