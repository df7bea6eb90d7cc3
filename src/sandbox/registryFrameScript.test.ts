import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryFrameClient, type RegistryFetch } from './registryFrameClient';
import { REGISTRY_FRAME_SCRIPT } from './registryFrameScript';

/**
 * The frame's script runs here in Node, with a stand-in for its window and Node's own fetch
 * against local servers, talking to the real client over a real MessageChannel. What only a
 * browser does (the CSP, CORS from an opaque origin) is left to the browser journeys.
 */
function startFrameScript() {
  type Listener = (event: { data: unknown; source: unknown }) => void;
  const listeners = new Set<Listener>();
  const parent = {};
  const window = {
    parent,
    addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
  };
  new Function('window', REGISTRY_FRAME_SCRIPT)(window);
  return {
    parent,
    listeners,
    deliver: (data: unknown, source: unknown = parent) => {
      for (const listener of [...listeners]) listener({ data, source });
    },
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

let registryOrigin = '';
let otherOrigin = '';
let lastHeaders: IncomingHttpHeaders = {};
let hangingRequestClosed: Promise<void> = Promise.resolve();
let noteHangingClosed = () => undefined as void;

const registryServer = createServer((request, response) => {
  lastHeaders = request.headers;
  switch (request.url) {
    case '/npm/lodash':
      response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' });
      response.end('{"name":"lodash"}');
      return;
    case '/npm/missing':
      response.writeHead(404, 'Not Found', { 'content-type': 'application/json' });
      response.end('{"error":"Not found"}');
      return;
    case '/npm/moved':
      response.writeHead(302, { location: '/npm/lodash' });
      response.end();
      return;
    case '/npm/elsewhere':
      response.writeHead(302, { location: `${otherOrigin}/lodash` });
      response.end();
      return;
    case '/npm/huge': {
      // 1 MB in 16 KiB chunks, without a declared length.
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = new Uint8Array(16 * 1024).fill(7);
      let sent = 0;
      const more = () => {
        while (sent < 1_000_000 && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      more();
      return;
    }
    case '/npm/declared-huge':
      response.writeHead(200, { 'content-length': String(5_000_000) });
      response.write(new Uint8Array(1000));
      return;
    case '/npm/empty':
      response.writeHead(204);
      response.end();
      return;
    case '/npm/hang':
      request.on('close', noteHangingClosed);
      return;
    default:
      response.writeHead(500);
      response.end();
  }
});
const otherServer = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"name":"not from the registry"}');
});

beforeAll(async () => {
  registryOrigin = await listen(registryServer);
  otherOrigin = await listen(otherServer);
});
afterAll(async () => {
  for (const server of [registryServer, otherServer]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const clients: RegistryFetch[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

/** A client whose frame is the script, started and handed a port as the app does. */
function registryClient(options: { maxBytes?: number; timeoutMs?: number } = {}, origin = '') {
  const client = createRegistryFrameClient(
    `${origin || registryOrigin}/npm/`,
    async (onMessage) => {
      const frame = startFrameScript();
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent) => onMessage(event.data);
      frame.deliver({ type: 'init', port: channel.port2 });
      return {
        post: (request) => channel.port1.postMessage(request),
        close: () => channel.port1.close(),
      };
    },
    { timeoutMs: 5000, ...options },
  );
  clients.push(client);
  return client;
}

describe('the download frame script', () => {
  it('is ASCII and holds nothing that would end or confuse an inline script', () => {
    expect(REGISTRY_FRAME_SCRIPT).toMatch(/^[\x20-\x7e\n]*$/);
    expect(REGISTRY_FRAME_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(() => new Function(REGISTRY_FRAME_SCRIPT)).not.toThrow();
  });

  it('starts only on an init from its parent that carries a port', () => {
    const frame = startFrameScript();
    const { port1, port2 } = new MessageChannel();
    frame.deliver({ type: 'init', port: port2 }, {});
    frame.deliver({ type: 'init', port: 'not a port' });
    frame.deliver({ type: 'hello', port: port2 });
    frame.deliver(null);
    expect(frame.listeners.size).toBe(1);
    frame.deliver({ type: 'init', port: port2 });
    expect(frame.listeners.size).toBe(0);
    port1.close();
  });

  it('downloads with the given headers and hands over only the two headers the client reads', async () => {
    const response = await registryClient().fetch(`${registryOrigin}/npm/lodash`, {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual({ name: 'lodash' });
    expect(lastHeaders.accept).toBe('application/vnd.npm.install-v1+json');
  });

  it('hands over an error status as it is', async () => {
    const response = await registryClient().fetch(`${registryOrigin}/npm/missing`);
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(await response.json()).toEqual({ error: 'Not found' });
  });

  it('answers a bodiless status without a body', async () => {
    const response = await registryClient().fetch(`${registryOrigin}/npm/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("follows a redirect within the registry's origin", async () => {
    const response = await registryClient().fetch(`${registryOrigin}/npm/moved`);
    expect(await response.json()).toEqual({ name: 'lodash' });
  });

  it('refuses an answer a redirect brought from another origin', async () => {
    await expect(registryClient().fetch(`${registryOrigin}/npm/elsewhere`)).rejects.toThrow(
      `it redirects ${registryOrigin}/npm/elsewhere to ${otherOrigin}, and Hookpad downloads packages only`,
    );
  });

  it('stops reading one byte past the limit; the answer then fails when read', async () => {
    const response = await registryClient({ maxBytes: 1000 }).fetch(`${registryOrigin}/npm/huge`);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.length).toBe(1001);
    await expect(reader?.read()).rejects.toThrow(/is larger than 1,000 bytes/);
  });

  it('reads nothing of an answer whose declared length is over the limit', async () => {
    const response = await registryClient({ maxBytes: 1000 }).fetch(
      `${registryOrigin}/npm/declared-huge`,
    );
    expect(response.headers.get('content-length')).toBe('5000000');
    const reader = response.body?.getReader();
    await expect(reader?.read()).rejects.toThrow(/is larger than 1,000 bytes/);
  });

  it('says the registry is out of reach when nothing listens there', async () => {
    const closed = createServer();
    const origin = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(registryClient({}, origin).fetch(`${origin}/npm/lodash`)).rejects.toThrow(
      new RegExp(`^.+: ${origin} is out of reach`),
    );
  });

  it('aborts the download in the frame when the app gives up on it', async () => {
    hangingRequestClosed = new Promise((resolve) => {
      noteHangingClosed = resolve;
    });
    await expect(
      registryClient({ timeoutMs: 200 }).fetch(`${registryOrigin}/npm/hang`),
    ).rejects.toThrow(`The registry at ${registryOrigin} did not answer`);
    await hangingRequestClosed;
  });
});
