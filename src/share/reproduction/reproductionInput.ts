import type { PointId } from '../../core/schemas';
import type { RunState } from '../../workspace/run/runState';
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
  hook: { name: string; pointId: PointId; draft: HookDraft };
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
