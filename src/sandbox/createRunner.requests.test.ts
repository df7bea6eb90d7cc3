import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboundEntry } from '../core/networkSchemas';
import { request, outbound, setup } from './runnerSetup.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createRunner: outbound requests', () => {
  it('relays request batches with their dropped count, after the callback too, and drops stale ones', async () => {
    const { runner, last, runsPosted } = setup();
    const got: [number[], number][] = [];
    const handle = runner.run(request, {
      timeoutMs: 1000,
      onLog: () => {},
      onRequest: (entries, dropped) => got.push([entries.map((e) => e.seq), dropped]),
    });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'request', runId, entries: [outbound(0), outbound(1)] });
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    last().send({
      type: 'request',
      runId,
      entries: [{ ...outbound(2), afterCallback: true }],
      dropped: 4,
    });
    last().send({ type: 'request', runId: runId + 1, entries: [outbound(9)] });
    last().send({ type: 'finished', runId });
    await handle.done;
    last().send({ type: 'request', runId, entries: [outbound(10)] });
    expect(got).toEqual([
      [[0, 1], 0],
      [[2], 4],
    ]);
  });

  it('drops a request batch whose entries fail their schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last, runsPosted } = setup();
    const got: OutboundEntry[][] = [];
    runner.run(request, { timeoutMs: 1000, onLog: () => {}, onRequest: (e) => got.push(e) });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'request', runId, entries: [{ ...outbound(0), answeredBy: 'magic' }] });
    last().send({ type: 'request', runId, entries: [{ ...outbound(0), args: [1n] }] });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(got).toEqual([]);
  });
});
