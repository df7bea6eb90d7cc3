import type { JsonValue, PointId, StorageState } from '../schemas';

/** One entry of the Examples menu: a realistic hook, what to run it with, and what happens. */
export interface HookExample {
  id: string;
  point: PointId;
  title: string;
  description: string;
  code: string;
  /** The Runner body; absent = the point's default payload. */
  payload?: JsonValue;
  secrets?: Record<string, string>;
  /** The webtask storage before the first run; absent = empty storage. */
  storage?: StorageState;
  timeoutMs?: number;
  /** One sentence the UI shows, e.g. "Succeeds; the merged user gets app_metadata.vip = true". */
  expected: string;
}
