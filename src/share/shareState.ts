import type { JsonValue } from '../core/schemas';
import type { AppState } from '../store/appState';
import { secretsForRun } from '../store/secrets';
import type { SharedState } from './shareLink';

export type ShareableState = { ok: true; state: SharedState } | { ok: false; message: string };

/**
 * What a share link of the current point carries: its code, payload and the timeout, and
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
  if (includeSecrets) {
    const secrets = secretsForRun(draft.secrets);
    if (!secrets.ok) {
      return { ok: false, message: `The secrets cannot be shared as they are. ${secrets.message}` };
    }
    shared.secrets = secrets.secrets;
  }
  return { ok: true, state: shared };
}
