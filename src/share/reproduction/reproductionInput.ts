import type { PointId } from '../../core/schemas';
import type { RunState } from '../../workspace/run/runState';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import type { HookDraft } from '../../workspace/hookRecord';

/** The last run as the report needs it; `secrets` (what the run used) are hidden too when given. */
export type ReproductionRun = Pick<
  RunState,
  | 'status'
  | 'outcome'
  | 'logs'
  | 'droppedLogs'
  | 'requests'
  | 'droppedRequests'
  | 'point'
  | 'payload'
> & { secrets?: Readonly<Record<string, string>> };

export interface ReproductionInput {
  /** `tests` absent: the hook has none. */
  hook: { name: string; pointId: PointId; draft: HookDraft; tests?: readonly TestCase[] };
  timeoutMs: number;
  /** The last run; null or idle = not run yet. */
  run: ReproductionRun | null;
  /** false: secret values are replaced by `<secret:NAME>` and the link withholds them. */
  includeSecrets: boolean;
  /** false: the payload's user.password is replaced by "<redacted>" wherever it appears. */
  includePasswords: boolean;
  /** The page the link points at. */
  pageUrl: string;
  appVersion?: string;
}
