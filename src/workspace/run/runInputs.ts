import type { RunKind } from '../../core/actions/actionSchemas';
import type { PointId } from '../../core/schemas';
import type { HookDraft, HookRecord } from '../hookRecord';
import { sameValue } from '../sameValue';

/**
 * What a run was started with, as the user edits it: the results describe these inputs, and
 * any later change to them makes the results out of date. Storage is not an input here: the
 * run itself writes it.
 */
export interface RunInputs {
  pointId: PointId;
  code: string;
  payloadText: string;
  /** Name and value of each row; row ids are bookkeeping. */
  secrets: [string, string][];
  /** HTTP mocks, module mocks, auto-mocks and "Allow network". */
  network: HookDraft['network'];
  /** What `code` is: the hook's code (absent) or its Action draft's. */
  kind?: RunKind;
}

export function runInputsOf(hook: Pick<HookRecord, 'pointId' | 'draft'>): RunInputs {
  const { code, payloadText, secrets, network } = hook.draft;
  return {
    pointId: hook.pointId,
    code,
    payloadText,
    secrets: secrets.map((row) => [row.name, row.value]),
    network,
  };
}

/** Whether the hook's draft differs from the inputs a run was started with. */
export function editedSince(
  inputs: RunInputs,
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
): boolean {
  const { draft } = hook;
  // Cheap comparisons first: this runs on every keystroke.
  if (hook.pointId !== inputs.pointId) return true;
  if (draft.code !== inputs.code || draft.payloadText !== inputs.payloadText) return true;
  if (draft.network !== inputs.network && !sameValue(draft.network, inputs.network)) return true;
  return !sameValue(
    draft.secrets.map((row) => [row.name, row.value]),
    inputs.secrets,
  );
}
