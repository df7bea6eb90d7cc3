import { describe, expect, test } from 'vitest';
import * as nodeNet from 'node:net';
import * as nodeTls from 'node:tls';
import { loadBuiltin, type BuiltinEnvironment } from './builtinModules';

// net and tls in a sandbox without sockets: what packages use at load is Node's (isIP, classes
// to extend, tls defaults, checkServerIdentity; Node is the oracle), and every connection or
// server fails later with the sandbox's reason.

const deferred: (() => void)[] = [];
const env: BuiltinEnvironment = { defer: (callback) => deferred.push(callback) };
const runDeferred = () => deferred.splice(0).forEach((callback) => callback());
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's untyped module shapes
const load = (name: string): any => loadBuiltin(name, env);

const ADDRESSES = [
  '::1',
  '::',
  '1::',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7::',
  '1:2:3:4:5:6:7:8::',
  '::1:2:3:4:5:6:7',
  '::1:2:3:4:5:6:7:8',
  '1::2::3',
  ':::1',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '::ffff:1.2.3.4',
  '::ffff:1.2.3.256',
  '::1.2.3.4:5',
  'fe80::1%eth0',
  'fe80::1%',
  'fe80::1%a b',
  'fe80::1%25',
  'FE80::ABCD',
  '12345::',
  'g::1',
  '1.2.3.4',
  '255.255.255.255',
  '256.1.1.1',
  '01.2.3.4',
  '0.0.0.0',
  '1.2.3',
  '1.2.3.4.5',
  '1.2.3.4%eth0',
  ' 1.2.3.4',
  '',
  'localhost',
];

/** Random strings from the characters addresses are made of. */
function randomAddresses(count: number): string[] {
  const alphabet = '0123456789abcdefABCDEFg:.%';
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + (next() % 14) }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

describe('net', () => {
  test('isIP, isIPv4 and isIPv6 agree with Node, zone ids included', () => {
    const net = load('net');
    for (const address of [...ADDRESSES, ...randomAddresses(3000)]) {
      expect([address, net.isIP(address), net.isIPv4(address), net.isIPv6(address)]).toEqual([
        address,
        nodeNet.isIP(address),
        nodeNet.isIPv4(address),
        nodeNet.isIPv6(address),
      ]);
    }
    expect([net.isIP(1234), net.isIP(undefined)]).toEqual([0, 0]);
  });

  test('Socket and Server can be extended at load, as ws and agents do', () => {
    const net = load('net');
    class Tracked extends net.Socket {}
    const socket = new Tracked();
    expect(socket).toBeInstanceOf(net.Socket);
    expect(typeof socket.pipe).toBe('function');
    expect(socket.setNoDelay(true)).toBe(socket);
    expect(net.Stream).toBe(net.Socket);
    expect(net.createServer()).toBeInstanceOf(net.Server);
  });

  test("connect fails later with an 'error' naming the sandbox's boundary", async () => {
    const net = load('net');
    const events: unknown[] = [];
    const socket = net.connect(443, 'db.example.com', () => events.push('connected'));
    socket.on('error', (error: Error & Record<string, unknown>) =>
      events.push([error.message, error.code, error.errno, error.syscall]),
    );
    socket.on('close', () => events.push('close'));
    expect(socket.connecting).toBe(true);
    expect(events).toEqual([]);
    runDeferred();
    await tick();
    expect(events).toEqual([
      [
        "connect EACCES db.example.com:443 (Hookpad's sandbox has no raw sockets: only HTTP(S) requests through the hook's clients reach its HTTP mocks)",
        'EACCES',
        -13,
        'connect',
      ],
      'close',
    ]);
    const viaOptions = net.createConnection({ host: 'cache', port: 6379 });
    const messages: string[] = [];
    viaOptions.on('error', (error: Error) => messages.push(error.message));
    runDeferred();
    await tick();
    expect(messages[0]).toMatch(/^connect EACCES cache:6379 \(/);
  });

  test('writing to a socket that never connected fails later, once, as in Node', async () => {
    const net = load('net');
    const socket = new net.Socket();
    const codes: unknown[] = [];
    socket.on('error', (error: { code: string }) => codes.push(error.code));
    socket.write('x');
    socket.write('y');
    await tick();
    expect(codes).toEqual([]);
    runDeferred();
    expect(codes).toEqual(['ERR_SOCKET_CLOSED']);
  });

  test("a server's listen fails later; close reports that it was not running", () => {
    const net = load('net');
    const server = net.createServer();
    const events: unknown[] = [];
    server.on('error', (error: Error & { code: string }) => events.push(error.code, error.message));
    server.listen(8080);
    server.close((error: Error & { code: string }) => events.push(error.code));
    expect(server.address()).toBeNull();
    runDeferred();
    expect(events[0]).toBe('EACCES');
    expect(events[1]).toMatch(/^listen EACCES: permission denied :::8080 \(Hookpad's sandbox/);
    expect(events[2]).toBe('ERR_SERVER_NOT_RUNNING');
  });
});

describe('tls', () => {
  test("the defaults are Node 18's; there are no root certificates", () => {
    const tls = load('tls');
    for (const name of [
      'DEFAULT_CIPHERS',
      'DEFAULT_ECDH_CURVE',
      'DEFAULT_MIN_VERSION',
      'DEFAULT_MAX_VERSION',
      'CLIENT_RENEG_LIMIT',
      'CLIENT_RENEG_WINDOW',
    ]) {
      expect([name, tls[name]]).toEqual([name, (nodeTls as Record<string, unknown>)[name]]);
    }
    expect(tls.rootCertificates).toEqual([]);
    expect(typeof tls.createSecureContext({})).toBe('object');
  });

  test('checkServerIdentity agrees with Node', () => {
    const tls = load('tls');
    const cases: [string, object][] = [
      ['a.example.com', { subject: { CN: 'x' }, subjectaltname: 'DNS:*.example.com' }],
      ['a.b.example.com', { subject: { CN: 'x' }, subjectaltname: 'DNS:*.example.com' }],
      ['example.com', { subject: { CN: 'example.com' } }],
      ['EXAMPLE.com.', { subject: { CN: 'example.com' } }],
      ['other.com', { subject: { CN: 'example.com' } }],
      ['x.com', { subject: { CN: 'x.com' }, subjectaltname: 'DNS:y.com, DNS:z.com' }],
      ['a.com', { subjectaltname: 'DNS:*.com' }],
      ['xa.example.com', { subjectaltname: 'DNS:x*.example.com' }],
      ['ya.example.com', { subjectaltname: 'DNS:x*.example.com' }],
      ['1.2.3.4', { subject: { CN: '1.2.3.4' }, subjectaltname: 'IP Address:1.2.3.5' }],
      ['1.2.3.4', { subjectaltname: 'IP Address:1.2.3.4, DNS:a.com' }],
      ['1.2.3.4', { subject: { CN: '1.2.3.4' } }],
      ['x.com', { subject: {} }],
    ];
    for (const [host, cert] of cases) {
      const expected = nodeTls.checkServerIdentity(host, cert as never);
      const actual = tls.checkServerIdentity(host, cert) as Error | undefined;
      expect([host, actual?.message, (actual as { code?: string })?.code]).toEqual([
        host,
        expected?.message,
        (expected as { code?: string } | undefined)?.code,
      ]);
    }
  });

  test("TLSSocket is a net.Socket of the same run; connect fails as net's does", async () => {
    const tls = load('tls');
    const net = load('net');
    const socket = tls.connect({ host: 'api.example.com', port: 443 });
    expect(socket).toBeInstanceOf(tls.TLSSocket);
    expect(socket).toBeInstanceOf(net.Socket);
    const messages: string[] = [];
    socket.on('error', (error: Error) => messages.push(error.message));
    runDeferred();
    await tick();
    expect(messages[0]).toMatch(/^connect EACCES api\.example\.com:443 \(/);
  });
});
