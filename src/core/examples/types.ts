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
  /**
   * The Action hand-finished from the automatic port, where the port alone is not equivalent
   * on this example's payload; absent = the automatic port is the Action. Its `// TODO(port):`
   * lines say what could not be carried over and why.
   */
  action?: { code: string; dependencies?: Record<string, string> };
  /**
   * What no Action can reproduce on this example's payload, as "Hook vs Action" words each
   * difference; a port note in the Action says why. Absent = the two are equivalent.
   */
  actionDifferences?: readonly string[];
  /** One sentence the UI shows, e.g. "Succeeds; the merged user gets app_metadata.vip = true". */
  expected: string;
}
