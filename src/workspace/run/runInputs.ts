import type { PointId } from '../../core/schemas';
import type { RunKind } from '../../core/actions/actionSchemas';
import type { HookDraft, HookRecord } from '../hookRecord';
import { sameValue } from '../sameValue';

/**
 * What a run was started with, as the user edits it: the results describe these inputs, and
 * any later change to them makes the results out of date. Storage is not an input here: the
 * run itself writes it.
 */
export interface RunInputs {
  /** Whether the run runs the hook's code or its Action draft's. */
  kind: RunKind;
  pointId: PointId;
  /** The hook's code, or its Action's for kind 'action'. */
  code: string;
  /** Set when the Action of a hook without one was asked for: prepareRun refuses the run. */
  noAction?: true;
  payloadText: string;
  /** Name and value of each row; row ids are bookkeeping. */
  secrets: [string, string][];
  /** HTTP mocks, module mocks, auto-mocks and "Allow network". */
  network: HookDraft['network'];
}

export const NO_ACTION_MESSAGE = 'This hook has no Action yet — use Port to Action.';

/** The inputs of a run of the hook's code, or (kind 'action') of its Action draft. */
export function runInputsOf(
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
  kind: RunKind = 'hook',
): RunInputs {
  const { payloadText, secrets, network } = hook.draft;
  const code = kindCode(hook.draft, kind);
  return {
    kind,
    pointId: hook.pointId,
    code: code ?? '',
    ...(code === null ? { noAction: true as const } : {}),
    payloadText,
    secrets: secrets.map((row) => [row.name, row.value]),
    network,
  };
}

/** The code a run of this kind runs; null for the Action of a hook that has none. */
function kindCode(draft: HookDraft, kind: RunKind): string | null {
  if (kind === 'hook') return draft.code;
  return draft.action?.code ?? null;
}

/** Whether the hook's draft differs from the inputs a run was started with. */
export function editedSince(
  inputs: RunInputs,
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
): boolean {
  const { draft } = hook;
  // Cheap comparisons first: this runs on every keystroke.
  if (hook.pointId !== inputs.pointId) return true;
  const code = kindCode(draft, inputs.kind);
  if (code !== (inputs.noAction ? null : inputs.code)) return true;
  if (draft.payloadText !== inputs.payloadText) return true;
  if (draft.network !== inputs.network && !sameValue(draft.network, inputs.network)) return true;
  return !sameValue(
    draft.secrets.map((row) => [row.name, row.value]),
    inputs.secrets,
  );
}
