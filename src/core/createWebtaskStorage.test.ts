import { describe, expect, test } from 'vitest';
import {
  CONFLICT_MESSAGE,
  FORCE_MESSAGE,
  STORAGE_TOO_DEEP_MESSAGE,
  createWebtaskStorage,
  storageTooLargeMessage,
  storageEtag,
  type WebtaskStorage,
} from './createWebtaskStorage';
import type { StorageState } from './schemas';

// Semantics and messages of webtask-runtime's lib/storage.js; the marked values are what the
// platform oracle answered (docs/runtime-semantics.md, introduction). Hookpad calls back
// asynchronously (the simulator did not).

function setup(initial?: StorageState) {
  const changes: StorageState[] = [];
  const pending: (() => void)[] = [];
  const storage = createWebtaskStorage({
    initial,
    defer: (callback) => pending.push(callback),
    onChange: (state) => changes.push(state),
  });
  /** Runs the deferred callbacks, including those they defer in turn. */
  const flush = () => {
    while (pending.length > 0) pending.shift()!();
  };
  return { storage, changes, flush };
}

function get(storage: WebtaskStorage, flush: () => void) {
  let result: unknown[] = [];
  storage.get((...args: unknown[]) => (result = args));
  flush();
  return result;
}

describe('webtask storage', () => {
  test('the etag is base64(md5(JSON)) (oracle: {"a":1} → u2y1xo30ZSlByvZSo2by2A==)', () => {
    expect(storageEtag('{"a":1}')).toBe('u2y1xo30ZSlByvZSo2by2A==');
  });

  test('get answers the stored data asynchronously, as a copy', () => {
    const { storage, flush } = setup({ data: { n: 1 }, etag: 'e0' });
    let answer: unknown = 'not yet';
    storage.get((error: unknown, data: { n: number }) => {
      answer = [error, data];
      data.n = 99;
    });
    expect(answer).toBe('not yet');
    flush();
    expect(answer).toEqual([null, { n: 99 }]);
    expect(get(storage, flush)).toEqual([null, { n: 1 }]);
  });

  test('empty storage reads as undefined', () => {
    const { storage, flush } = setup();
    expect(get(storage, flush)).toEqual([null, undefined]);
  });

  test('set before get needs force (oracle: thrown synchronously with this message)', () => {
    const { storage, changes } = setup({ data: { n: 1 } });
    expect(() => storage.set({ n: 2 }, () => {})).toThrow(FORCE_MESSAGE);
    expect(FORCE_MESSAGE).toBe(
      'When calling storage.set without having called storage.get before, you must specify the .force option.',
    );
    expect(changes).toEqual([]);
  });

  test('force writes, reports the new state, and later sets need no force', () => {
    const { storage, changes, flush } = setup();
    const calls: unknown[] = [];
    storage.set({ a: 1 }, { force: true }, (error: unknown) => calls.push(error));
    storage.set({ a: 2 }, (error: unknown) => calls.push(error));
    flush();
    expect(calls).toEqual([null, null]);
    expect(changes).toEqual([
      { data: { a: 1 }, etag: 'u2y1xo30ZSlByvZSo2by2A==' },
      { data: { a: 2 }, etag: storageEtag('{"a":2}') },
    ]);
  });

  test('set after get writes; data is JSON round-tripped', () => {
    const { storage, changes, flush } = setup();
    get(storage, flush);
    const data = { when: new Date(0), drop: undefined, list: [1] };
    storage.set(data);
    data.list.push(2);
    expect(changes).toEqual([
      { data: { when: '1970-01-01T00:00:00.000Z', list: [1] }, etag: expect.any(String) },
    ]);
    expect(get(storage, flush)).toEqual([null, { when: '1970-01-01T00:00:00.000Z', list: [1] }]);
  });

  test('a stale etag is a conflict carrying the current data (oracle)', () => {
    const { storage, changes, flush } = setup({ data: { a: 1 } });
    get(storage, flush);
    let error: (Error & { conflict?: unknown }) | undefined;
    storage.set({ b: 2 }, { etag: 'x' }, (e: Error) => (error = e));
    flush();
    expect(error?.message).toBe(CONFLICT_MESSAGE);
    expect(CONFLICT_MESSAGE).toBe('Item was modified since it was read.');
    expect(error?.conflict).toEqual({ a: 1 });
    expect(changes).toEqual([]);
  });

  test('the current etag passes; etag null means "only if empty"', () => {
    const { storage, changes, flush } = setup();
    get(storage, flush);
    let error: unknown = 'pending';
    storage.set({ a: 1 }, { etag: null }, (e: unknown) => (error = e));
    flush();
    expect(error).toBeNull();
    storage.set({ a: 2 }, { etag: storageEtag('{"a":1}') }, (e: unknown) => (error = e));
    flush();
    expect(error).toBeNull();
    storage.set({ a: 3 }, { etag: null }, (e: unknown) => (error = e));
    flush();
    expect(error).toMatchObject({ message: CONFLICT_MESSAGE, conflict: { a: 2 } });
    expect(changes.map((c) => c.data)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test('an empty store read then conflicted has an own, undefined conflict (oracle)', () => {
    const { storage, flush } = setup();
    get(storage, flush);
    let error: object | undefined;
    storage.set({ a: 1 }, { etag: 'nope' }, (e: object) => (error = e));
    flush();
    expect(Object.keys(error!)).toEqual(['conflict']);
  });

  test('set(null) clears, and the next set needs get or force again', () => {
    const { storage, changes, flush } = setup({ data: 1 });
    storage.set(null);
    expect(changes).toEqual([{}]);
    expect(() => storage.set(2)).toThrow(FORCE_MESSAGE);
    expect(get(storage, flush)).toEqual([null, undefined]);
  });

  test('argument errors are thrown with the runtime’s messages', () => {
    const { storage } = setup();
    expect(() => storage.get()).toThrow('Callback must be a function.');
    expect(() => storage.get({}, 'x')).toThrow('Callback must be a function.');
    expect(() => storage.get('x', () => {})).toThrow('Options must be an object.');
    expect(() => storage.set(1, { force: true }, 'x')).toThrow('Callback must be a function.');
    // As in the runtime, options without a callback are taken for the callback.
    expect(() => storage.set(1, { force: true })).toThrow('Callback must be a function.');
    expect(() =>
      storage.set(
        () => 1,
        { force: true },
        () => {},
      ),
    ).toThrow(/JSON-serialisable/);
  });

  test("data over the platform's 500 KB is refused to the callback and nothing is stored", () => {
    const { storage, changes, flush } = setup({ data: { kept: true }, etag: 'e1' });
    get(storage, flush);
    const big = 'é'.repeat(300 * 1024); // 600 KiB of UTF-8 in 300 Ki characters
    const answers: unknown[][] = [];
    storage.set({ big }, (...args: unknown[]) => answers.push(args));
    flush();
    expect(answers).toHaveLength(1);
    const [error] = answers[0] as [Error];
    expect(error.message).toBe(storageTooLargeMessage(JSON.stringify({ big }).length + 300 * 1024));
    expect(error.message).toBe(
      'Storage data is too large: 614,410 bytes of JSON, the limit is 500 KB (512,000 bytes). Nothing was stored.',
    );
    expect(changes).toEqual([]);
    expect(get(storage, flush)).toEqual([null, { kept: true }]);
  });

  test('data of exactly 500 KB is stored; nesting past the depth limit is refused', () => {
    const { storage, changes, flush } = setup();
    const text = 'a'.repeat(512_000 - 2);
    storage.set(text, { force: true }, () => undefined);
    expect(changes).toEqual([{ data: text, etag: storageEtag(JSON.stringify(text)) }]);
    let deep: unknown = 1;
    for (let i = 0; i < 1001; i++) deep = [deep];
    const answers: unknown[][] = [];
    storage.set(deep, (...args: unknown[]) => answers.push(args));
    flush();
    expect((answers[0]?.[0] as Error).message).toBe(STORAGE_TOO_DEEP_MESSAGE);
    expect(changes).toHaveLength(1);
  });
});
