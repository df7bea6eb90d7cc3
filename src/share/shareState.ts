import type { JsonValue } from '../core/schemas';
import type { AppState } from '../store/appState';
import { networkForRun } from '../store/network';
import { secretsForRun } from '../store/secrets';
import type { SharedState } from './shareLink';

export type ShareableState = { ok: true; state: SharedState } | { ok: false; message: string };

/**
 * What a share link of the current point carries: its code, payload and the timeout, its
 * HTTP mocks, module mocks, auto-mocks and network switch (each only when not empty), and
 * its secrets only when the user asked for them.
 */
export function shareableState(
  state: Pick<AppState, 'pointId' | 'drafts' | 'timeoutMs'>,
  includeSecrets: boolean,
): ShareableState {
  const { pointId, drafts, timeoutMs } = state;
  const draft = drafts[pointId];
  let payload: JsonValue;
  try {
    payload = JSON.parse(draft.payloadText) as JsonValue;
  } catch (error) {
    return {
      ok: false,
      message: `The payload is not valid JSON, so there is no link to share: ${(error as Error).message}`,
    };
  }
  const shared: SharedState = { v: 1, point: pointId, code: draft.code, payload, timeoutMs };
  // What a run would use: unnamed module rows and an auto-mocked module's code stay home.
  const network = networkForRun(draft.network);
  if (network.mocks.length > 0) shared.mocks = network.mocks;
  if (network.moduleMocks.length > 0) shared.modules = network.moduleMocks;
  if (network.autoMocks.length > 0) shared.autoMocks = network.autoMocks;
  if (network.allowNetwork) shared.allowNetwork = true;
  if (includeSecrets) {
    const secrets = secretsForRun(draft.secrets);
    if (!secrets.ok) {
      return { ok: false, message: `The secrets cannot be shared as they are. ${secrets.message}` };
    }
    shared.secrets = secrets.secrets;
  }
  return { ok: true, state: shared };
}
