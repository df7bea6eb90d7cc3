import { describe, expect, test } from 'vitest';
import * as nodeHttp2 from 'node:http2';
import * as nodeDns from 'node:dns';
import { loadBuiltin, type BuiltinEnvironment } from './builtinModules';

// dgram, http2 and dns in a sandbox without sockets or a resolver: what packages read at load
// is Node's (Node is the oracle), and every exchange fails later with the sandbox's reason.

const deferred: (() => void)[] = [];
const env: BuiltinEnvironment = { defer: (callback) => deferred.push(callback) };
const runDeferred = () => deferred.splice(0).forEach((callback) => callback());
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's untyped module shapes
const load = (name: string): any => loadBuiltin(name, env);

describe('dgram', () => {
  test('sockets are created; bind and send fail later, through the callback if given', () => {
    const dgram = load('dgram');
    expect(() => dgram.createSocket('tcp')).toThrow(
      expect.objectContaining({ code: 'ERR_SOCKET_BAD_TYPE' }) as Error,
    );
    const socket = dgram.createSocket('udp4');
    expect(socket).toBeInstanceOf(dgram.Socket);
    const seen: unknown[] = [];
    socket.on('error', (error: Error & { syscall: string }) => seen.push(['event', error.syscall]));
    socket.send('metric', 8125, 'stats.local', (error: Error & { code: string }) =>
      seen.push(['callback', error.code, error.message]),
    );
    socket.bind(41234);
    expect(seen).toEqual([]);
    runDeferred();
    expect(seen).toEqual([
      [
        'callback',
        'EACCES',
        "send EACCES stats.local:8125 (Hookpad's sandbox has no raw sockets: only HTTP(S) requests through the hook's clients reach its HTTP mocks)",
      ],
      ['event', 'bind'],
    ]);
    expect(() => socket.address()).toThrow('getsockname EBADF');
  });
});

describe('http2', () => {
  test("constants and default settings are Node's", () => {
    const http2 = load('http2');
    expect(http2.constants).toEqual({ ...nodeHttp2.constants });
    expect(http2.getDefaultSettings()).toEqual({ ...nodeHttp2.getDefaultSettings() });
    expect(typeof http2.sensitiveHeaders).toBe('symbol');
  });

  test('a session fails to connect later, and so do the streams requested on it', async () => {
    const http2 = load('http2');
    const session = http2.connect('https://api.example.com');
    const events: unknown[] = [];
    session.on('error', (error: Error) => events.push(['session', error.message]));
    const stream = session.request({ ':path': '/' });
    stream.on('error', (error: Error & { code: string }) => events.push(['stream', error.code]));
    runDeferred();
    await tick();
    expect(events).toEqual([
      ['session', expect.stringMatching(/^connect EACCES api\.example\.com:443 \(/)],
      ['stream', 'EACCES'],
    ]);
    expect(() => session.request()).toThrow(
      expect.objectContaining({ code: 'ERR_HTTP2_INVALID_SESSION' }) as Error,
    );
  });
});

describe('dns', () => {
  test("constants are Node's", () => {
    const dns = load('dns');
    for (const [name, value] of Object.entries(nodeDns)) {
      if (typeof value === 'function' || name === 'promises' || name === 'default') continue;
      expect([name, dns[name]]).toEqual([name, value]);
    }
  });

  test('lookup answers an IP address as Node does, without a resolver', async () => {
    const dns = load('dns');
    const answers: unknown[] = [];
    dns.lookup('10.0.0.1', (...args: unknown[]) => answers.push(args));
    dns.lookup('::1', { all: true }, (...args: unknown[]) => answers.push(args));
    expect(answers).toEqual([]);
    runDeferred();
    const expected = await Promise.all(
      [
        ['10.0.0.1', {}],
        ['::1', { all: true }],
      ].map(
        ([host, options]) =>
          new Promise((resolve) =>
            nodeDns.lookup(host as string, options as never, (...args: unknown[]) => resolve(args)),
          ),
      ),
    );
    expect(answers).toEqual(expected);
    await expect(dns.promises.lookup('10.0.0.1')).resolves.toEqual({
      address: '10.0.0.1',
      family: 4,
    });
  });

  test('a name is not found: ENOTFOUND later, naming the sandbox; promises reject', async () => {
    const dns = load('dns');
    const errors: unknown[] = [];
    const fields = (error: Record<string, unknown>) =>
      errors.push([error.code, error.errno, error.syscall, error.hostname, error.message]);
    dns.lookup('db.example.com', fields);
    dns.resolveMx('example.com', fields);
    dns.resolve('example.com', 'TXT', fields);
    runDeferred();
    expect(errors).toEqual([
      [
        'ENOTFOUND',
        -3008,
        'getaddrinfo',
        'db.example.com',
        "getaddrinfo ENOTFOUND db.example.com (Hookpad's sandbox has no DNS: HTTP(S) requests through the hook's clients reach its HTTP mocks by URL)",
      ],
      ['ENOTFOUND', -3008, 'queryMx', 'example.com', expect.stringMatching(/^queryMx ENOTFOUND/)],
      ['ENOTFOUND', -3008, 'queryTxt', 'example.com', expect.stringMatching(/^queryTxt ENOTFOUND/)],
    ]);
    await expect(load('dns/promises').resolve4('example.com')).rejects.toMatchObject({
      code: 'ENOTFOUND',
      syscall: 'queryA',
    });
    expect(load('dns/promises')).toBe(dns.promises);
    expect(new dns.Resolver().getServers()).toEqual([]);
  });
});
