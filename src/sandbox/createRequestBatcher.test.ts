import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboundEntry } from '../core/networkSchemas';
import { createRequestBatcher, type RequestBatch } from './createRequestBatcher';

function entry(seq: number, body = ''): OutboundEntry {
  return {
    seq,
    kind: 'http',
    timeMs: seq,
    client: 'fetch',
    method: 'POST',
    url: 'u',
    requestBody: body,
    answeredBy: 'blocked',
  };
}

function setup(limits = { maxEntries: 3, maxTextChars: 100 }) {
  const batches: RequestBatch[] = [];
  const batcher = createRequestBatcher({
    post: (batch) => batches.push(batch),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    intervalMs: 40,
    limits,
  });
  return { batches, batcher };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createRequestBatcher', () => {
  it('posts one batch per interval, and at once on flush; never an empty one', () => {
    const { batches, batcher } = setup();
    batcher.flush();
    batcher.push(entry(0));
    batcher.push(entry(1));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(batches).toEqual([{ entries: [entry(0), entry(1)], dropped: 0 }]);
    batcher.push(entry(2));
    batcher.flush();
    expect(batches).toHaveLength(2);
    vi.advanceTimersByTime(40);
    expect(batches).toHaveLength(2);
  });

  it('past the entry limit, counts instead of sending', () => {
    const { batches, batcher } = setup();
    for (let i = 0; i < 5; i++) batcher.push(entry(i));
    batcher.flush();
    batcher.push(entry(5));
    batcher.flush();
    expect(batches.map((b) => [b.entries.map((e) => e.seq), b.dropped])).toEqual([
      [[0, 1, 2], 2],
      [[], 1],
    ]);
  });

  it('past the character budget, counts instead of sending', () => {
    const { batches, batcher } = setup({ maxEntries: 100, maxTextChars: 100 });
    batcher.push(entry(0, 'x'.repeat(60)));
    batcher.push(entry(1, 'x'.repeat(60)));
    batcher.push(entry(2));
    batcher.flush();
    expect(batches).toEqual([{ entries: [entry(0, 'x'.repeat(60))], dropped: 2 }]);
  });
});
