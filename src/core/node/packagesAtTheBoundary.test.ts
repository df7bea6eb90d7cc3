import { describe, expect, test } from 'vitest';
import { manifest, treeOf } from '../commonjs/packageTrees.testSupport';
import type { PackageTree } from '../commonjs/packageTree';
import { hook, runHook } from '../network/runHook.testkit';

// Stored packages in a run meet the sandbox's boundaries (docs/runtime-semantics.md §10.2):
// requiring fs, net, tls, domain, child_process, dns, dgram or http2 at load works, as real
// packages do it; touching a file, a socket or a process fails later with Node's error shape,
// through the run's guarded callbacks. debug, once enabled, prints through formatWithOptions.

const packages = treeOf({
  'node_modules/config-loader/package.json': manifest({ name: 'config-loader', version: '1.4.0' }),
  'node_modules/config-loader/index.js': `
    const fs = require('fs');
    const { promisify } = require('util');
    const net = require('net');
    const tls = require('tls');
    const domain = require('domain');
    const { execFile } = require('child_process');
    require('dns'); require('dgram'); require('http2'); require('node:fs/promises');
    class Pooled extends net.Socket {}
    exports.loadedWith = { isIP: net.isIP('::1'), tls: tls.DEFAULT_MIN_VERSION, active: domain.active };
    exports.read = (path, done) => fs.readFile(path, 'utf8', done);
    exports.readAsync = promisify(fs.readFile);
    exports.ping = (host, done) => new Pooled().connect(6379, host).on('error', done);
    exports.git = (done) => execFile('git', ['--version'], done);`,
});

const installed = import.meta.glob<string>('/node_modules/{debug,ms}/**/*.{js,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const debugTree: PackageTree = {
  files: Object.entries(installed).map(([path, text]) => ({ path: path.slice(1), text })),
};

describe('stored packages at the sandbox boundary', () => {
  test('a package that requires the boundary modules at load loads', async () => {
    const run = await runHook(
      hook(`cb(null, require('config-loader').loadedWith);`),
      {},
      {
        packages,
      },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { isIP: 6, tls: 'TLSv1.2', active: null },
    });
  });

  test("reading a file, opening a socket, starting a process: Node's errors, called back later", async () => {
    const run = await runHook(
      hook(`const loader = require('config-loader');
const seen = [];
loader.read('/etc/app.json', (error) => seen.push(error.message));
await new Promise((resolve) => loader.ping('cache.internal', (error) => { seen.push(error.code); resolve(); }));
await new Promise((resolve) => loader.git((error) => { seen.push(error.code); resolve(); }));
try { await loader.readAsync('/x'); } catch (error) { seen.push(error.syscall); }
cb(null, { seen });`),
      {},
      { packages },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        seen: [
          "ENOENT: no such file or directory, open '/etc/app.json'",
          'EACCES',
          'ENOENT',
          'open',
        ],
      },
    });
  });

  test("an error event nobody listens for is the hook's uncaught exception, with the reason", async () => {
    const run = await runHook(
      hook(`require('net').connect(5432, 'db.internal'); setTimeout(() => cb(null, {}), 20);`),
    );
    expect(run.outcome).toMatchObject({ status: 'failed' });
    expect(JSON.stringify(run.outcome)).toContain(
      "connect EACCES db.internal:5432 (Hookpad's sandbox has no raw sockets",
    );
  });

  test('debug, enabled, prints its line on stderr through util.formatWithOptions', async () => {
    const run = await runHook(
      hook(`const debug = require('debug');
debug.enable('app:*');
debug('app:users')('created %o in %dms', { id: 7 }, 12);
cb(null, {});`),
      {},
      { packages: debugTree },
    );
    expect(run.outcome).toMatchObject({ status: 'succeeded' });
    expect(run.lines).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z app:users created \{ id: 7 \} in 12ms$/),
    ]);
  });
});
