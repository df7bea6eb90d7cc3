import { Buffer } from 'buffer/';
import { md5 } from '@noble/hashes/legacy.js';
import type { JsonValue, StorageState } from './schemas';
import { MAX_STORAGE_BYTES } from './inputLimits';
import { MAX_JSON_DEPTH } from './outputLimits';
import { jsonTextDepth } from './jsonTextDepth';
import { formatCount } from './formatCount';

// `context.webtask.storage` with the semantics of webtask-runtime's lib/storage.js (the
// platform's published simulator), adapted to what a remote store does:
// - the state persists across runs (the app keeps it); each run starts "unread", so
//   `set` before any `get` in this run needs `{ force: true }`, as the runtime demands;
// - `options.etag` gives optimistic concurrency: a stale etag is a conflict error carrying
//   the current data in `err.conflict`; `etag: null` means "only if nothing is stored";
// - callbacks are always called asynchronously (the real store answered over HTTP);
// - data is JSON round-tripped both ways, so later mutations never leak into the store;
// - `set(null)` / `set(undefined)` clears the storage.
// Argument errors are thrown synchronously with the runtime's messages.

export const FORCE_MESSAGE =
  'When calling storage.set without having called storage.get before, you must specify the .force option.';
export const CONFLICT_MESSAGE = 'Item was modified since it was read.';

type Callback = (error: Error | null, data?: unknown) => void;

export interface WebtaskStorage {
  get(options?: unknown, callback?: unknown): void;
  set(data: unknown, options?: unknown, callback?: unknown): void;
}

export interface WebtaskStorageOptions {
  /** The stored state before this run. */
  initial?: StorageState;
  /** Runs a callback later (the engine guards it, so its exceptions have a line). */
  defer(callback: () => void): void;
  /** The state after each successful set. */
  onChange(state: StorageState): void;
}

/** The runtime's etag: base64 of the MD5 of the data's JSON. */
export function storageEtag(json: string): string {
  return Buffer.from(md5(Buffer.from(json, 'utf8'))).toString('base64');
}

/** The refusal of data larger than the platform stored (its documented 500 KB). */
export function storageTooLargeMessage(bytes: number): string {
  return `Storage data is too large: ${formatCount(bytes)} bytes of JSON, the limit is 500 KB (${formatCount(MAX_STORAGE_BYTES)} bytes). Nothing was stored.`;
}

export const STORAGE_TOO_DEEP_MESSAGE = `Storage data is nested more than ${formatCount(MAX_JSON_DEPTH)} levels deep. Nothing was stored.`;

/** Bytes of the text in UTF-8, counted without encoding it (a lone surrogate is 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why data of this JSON text cannot be stored, or undefined if it can. */
function storageRefusal(json: string): Error | undefined {
  // UTF-8 needs at least one byte a character: short text needs no encoding to be known small.
  const bytes = json.length * 3 <= MAX_STORAGE_BYTES ? 0 : utf8Length(json);
  if (bytes > MAX_STORAGE_BYTES) return new Error(storageTooLargeMessage(bytes));
  if (jsonTextDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return new Error(STORAGE_TOO_DEEP_MESSAGE);
  return undefined;
}

/** Splits `(options, cb)` / `(cb)` the way the runtime does, with its messages. */
function normalize(options: unknown, callback: unknown): { options: object; callback?: Callback } {
  if (!callback) {
    callback = options;
    options = {};
  }
  if (callback && typeof callback !== 'function') throw new Error('Callback must be a function.');
  if (typeof options !== 'object') throw new Error('Options must be an object.');
  return { options: options ?? {}, callback: callback as Callback | undefined };
}

export function createWebtaskStorage({
  initial,
  defer,
  onChange,
}: WebtaskStorageOptions): WebtaskStorage {
  let json: string | undefined =
    initial?.data === undefined ? undefined : JSON.stringify(initial.data);
  let etag: string | undefined =
    json === undefined ? undefined : (initial?.etag ?? storageEtag(json));
  let read = false;

  const current = () => (json === undefined ? undefined : (JSON.parse(json) as JsonValue));
  /** The runtime's etag variable: null once an empty store was read, undefined before. */
  const currentEtag = () => (json === undefined ? (read ? null : undefined) : etag);

  return {
    get(options?: unknown, callback?: unknown) {
      const args = normalize(options, callback);
      if (!args.callback) throw new Error('Callback must be a function.');
      const done = args.callback;
      read = true;
      const data = current();
      defer(() => done(null, data));
    },

    set(data: unknown, options?: unknown, callback?: unknown) {
      const args = normalize(options, callback);
      const opts = args.options as { force?: unknown; etag?: unknown };
      const done = args.callback;
      const clearing = data === undefined || data === null;
      if (!clearing && !read && !opts.force) throw new Error(FORCE_MESSAGE);
      if (clearing) {
        json = undefined;
        etag = undefined;
        read = false;
      } else {
        if (opts.etag !== undefined) {
          const stale = opts.etag === null ? json !== undefined : currentEtag() !== opts.etag;
          if (stale) {
            const conflict = Object.assign(new Error(CONFLICT_MESSAGE), { conflict: current() });
            if (done) defer(() => done(conflict));
            return;
          }
        }
        const text = JSON.stringify(data);
        if (text === undefined) {
          throw new TypeError('storage.set: the data must be JSON-serialisable');
        }
        // The platform's limit; past it nothing is stored (docs/runtime-semantics.md §11).
        const refusal = storageRefusal(text);
        if (refusal) {
          if (done) defer(() => done(refusal));
          return;
        }
        json = text;
        etag = storageEtag(text);
        // The etag of what was just written is known: later sets need no get or force.
        read = true;
      }
      onChange(json === undefined ? {} : { data: current() as JsonValue, etag: etag as string });
      if (done) defer(() => done(null));
    },
  };
}
