import type { JsonValue, RunRequest, StorageState } from '../../core/schemas';
import { NetworkSettingsSchema, type NetworkSettings } from '../../core/networkSchemas';
import { secretsForRun } from '../draft/secrets';
import { EMPTY_NETWORK, networkForRun } from '../draft/network';
import { NO_ACTION_MESSAGE, type RunInputs } from './runInputs';
import type { InputProblem } from './runState';

/** A request ready for the sandbox, with the parsed parts the results need. */
export interface PreparedRun {
  ok: true;
  request: RunRequest;
  payload: JsonValue;
  secrets: Record<string, string>;
  network: NetworkSettings;
}

const problem = (field: InputProblem['field'], message: string) => ({
  ok: false as const,
  problem: { status: 'not-started' as const, field, message, durationMs: 0 as const },
});

/** Why an auto-mock result cannot be used, said as the payload's problem is; null if none. */
function invalidAutoMockResult(settings: NetworkSettings): string | null {
  for (const { path, resultText } of settings.autoMockResults ?? []) {
    try {
      JSON.parse(resultText);
    } catch (error) {
      return `The auto-mock result for ${path} is not valid JSON: ${(error as Error).message}`;
    }
  }
  return null;
}

/**
 * The sandbox request for these inputs (a workbench run's or a test's), or the first input
 * that cannot be used: an Action the hook does not have, a payload that is not JSON, a secret without a name or with a repeated
 * one, an auto-mock result that is not JSON, invalid HTTP mocks or module settings. The timeout is the caller's.
 */
export function prepareRun(
  inputs: RunInputs,
  storage: StorageState,
  graceMs: number,
): PreparedRun | { ok: false; problem: InputProblem } {
  if (inputs.noAction) return problem('action', NO_ACTION_MESSAGE);
  let payload: JsonValue;
  try {
    payload = JSON.parse(inputs.payloadText) as JsonValue;
  } catch (error) {
    return problem('payload', `The payload is not valid JSON: ${(error as Error).message}`);
  }

  // Row ids only address rows in the editor; positions are what a problem names.
  const rows = inputs.secrets.map(([name, value], index) => ({ id: String(index), name, value }));
  const secrets = secretsForRun(rows);
  if (!secrets.ok) return problem('secrets', secrets.message);

  // Drafts from before the network settings have none: nothing mocked, network off.
  const settings = networkForRun((inputs.network as NetworkSettings | undefined) ?? EMPTY_NETWORK);
  const badResult = invalidAutoMockResult(settings);
  if (badResult !== null) return problem('network', badResult);
  const network = NetworkSettingsSchema.safeParse(settings);
  if (!network.success) {
    return problem(
      'network',
      `The HTTP mocks or module settings are invalid: ${network.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }

  return {
    ok: true,
    request: {
      point: inputs.pointId,
      // Absent = hook, so a hook's request reads as before the Action runs existed.
      ...(inputs.kind === 'action' ? { kind: 'action' as const } : {}),
      code: inputs.code,
      payload,
      secrets: secrets.secrets,
      graceMs,
      storage,
      network: network.data,
    },
    payload,
    secrets: secrets.secrets,
    network: network.data,
  };
}
