import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackageTree } from '../core/commonjs/packageTree';
import { packageBlobOf, packageTreeOf } from './packageBlobs';
import { request, setup } from './runnerSetup.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const tree: PackageTree = {
  files: [
    { path: 'node_modules/a/package.json', text: '{"name":"a","version":"1.0.0"}' },
    { path: 'node_modules/a/index.js', text: 'module.exports = 1;' },
  ],
};

describe('a run with stored packages', () => {
  it('sends its tree as one Blob per tree, reused by the next runs, and the request without it', async () => {
    const { runner, runsPosted, last } = setup();
    runner.run({ ...request, packages: tree }, { timeoutMs: 1000, onLog: () => {} });
    const first = runsPosted()[0];
    if (first?.type !== 'run') throw new Error('no run posted');
    expect(first.request).toEqual(request);
    expect(first.packages).toBeInstanceOf(Blob);
    expect(await packageTreeOf(first.packages!)).toEqual(tree);

    last().send({
      type: 'settled',
      runId: first.runId,
      outcome: { status: 'succeeded', durationMs: 1 },
    });
    last().send({ type: 'finished', runId: first.runId });
    runner.run({ ...request, packages: tree }, { timeoutMs: 1000, onLog: () => {} });
    const second = runsPosted()[1];
    expect(second?.type === 'run' && second.packages).toBe(first.packages);
  });

  it('refuses a tree the worker would refuse, before anything is sent', () => {
    const { runner, runsPosted } = setup();
    const escaping: PackageTree = { files: [{ path: 'node_modules/../etc/passwd', text: '' }] };
    expect(() =>
      runner.run({ ...request, packages: escaping }, { timeoutMs: 1000, onLog: () => {} }),
    ).toThrow(/node_modules/);
    expect(runsPosted()).toHaveLength(0);
  });
});

describe('the packed tree', () => {
  it('gives back every file, with texts holding newlines, digits, non-ASCII and nothing', async () => {
    const files = [
      { path: 'node_modules/a/package.json', text: '{"name":"a"}\n' },
      { path: 'node_modules/a/empty.js', text: '' },
      { path: 'node_modules/a/é.js', text: '12\n34 — ✓ 😀' },
      { path: 'node_modules/a/index.js', text: 'module.exports = require("./é");' },
    ];
    expect(await packageTreeOf(packageBlobOf({ files }))).toEqual({ files });
  });

  it('refuses a damaged one', async () => {
    const blob = packageBlobOf(tree);
    const damaged = new Blob([await blob.text(), 'extra']);
    await expect(packageTreeOf(damaged)).rejects.toThrow('the packed package tree is damaged');
  });
});
