import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../core/schemas';
import { createLogBatcher } from './createLogBatcher';

function entry(seq: number, text = `line ${seq}`, source: LogEntry['source'] = 'hook'): LogEntry {
  return { seq, level: 'log', source, timeMs: seq, text, args: [] };
}

function setup(limits = { maxEntries: 100, maxTextChars: 10_000 }) {
  const batches: LogEntry[][] = [];
  const batcher = createLogBatcher({
    post: (entries) => batches.push(entries),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    intervalMs: 40,
    limits,
  });
  return { batches, batcher };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createLogBatcher', () => {
  it('posts entries in one batch per interval', () => {
    const { batches, batcher } = setup();
    batcher.push(entry(0));
    batcher.push(entry(1));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(batches.map((b) => b.map((e) => e.seq))).toEqual([[0, 1]]);
    batcher.push(entry(2));
    vi.advanceTimersByTime(40);
    expect(batches).toHaveLength(2);
  });

  it('flush posts immediately and never posts an empty batch', () => {
    const { batches, batcher } = setup();
    batcher.flush();
    batcher.push(entry(0));
    batcher.flush();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([[entry(0)]]);
  });

  it('replaces output past the limit with one notice, keeping seqs unique', () => {
    const { batches, batcher } = setup({ maxEntries: 2, maxTextChars: 10_000 });
    for (let seq = 0; seq < 10; seq++) batcher.push(entry(seq));
    batcher.flush();
    const [batch] = batches;
    expect(batch?.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(batch?.[2]).toMatchObject({ source: 'runtime', level: 'warn' });
    expect(batch?.[2]?.text).toMatch(/limit reached/);
  });

  it('also limits volume, and still passes the engine’s own notices', () => {
    const { batches, batcher } = setup({ maxEntries: 100, maxTextChars: 10 });
    batcher.push(entry(0, 'x'.repeat(8)));
    batcher.push(entry(1, 'x'.repeat(8)));
    batcher.push(entry(2, 'more'));
    batcher.push(entry(3, '1 more console line was dropped', 'runtime'));
    batcher.flush();
    expect(batches[0]?.map((e) => [e.seq, e.source])).toEqual([
      [0, 'hook'],
      [1, 'runtime'],
      [3, 'runtime'],
    ]);
  });
});
