import type { EngineOutcome } from '../core/schemas';

/** A message of the sandbox protocol as far as the guard needs to know it. */
type Sent =
  | { type: 'settled'; runId: number; outcome: EngineOutcome }
  | { type: 'fault'; runId?: number; message: string }
  | { type: string; runId?: number };

const WHAT: Record<string, string> = {
  settled: 'answer',
  log: 'console output',
  request: 'outbound requests',
  storage: 'storage',
};

/** Why a structured clone failed, in the user's words. */
export function sendFailureReason(error: unknown): string {
  if (error instanceof RangeError) return 'nested too deeply';
  if (error instanceof Error && error.name === 'DataCloneError') return 'it cannot be copied';
  return error instanceof Error ? error.message : String(error);
}

/** "The hook's answer could not be sent to Hookpad: nested too deeply" */
export function sendFailureMessage(type: string, error: unknown): string {
  return `The hook's ${WHAT[type] ?? 'output'} could not be sent to Hookpad: ${sendFailureReason(error)}`;
}

/**
 * A postMessage that never throws (docs/runtime-semantics.md §15). A message the structured
 * clone refuses (too deep, say) ends the run at once with a clear failure instead of
 * vanishing until the timeout: an answer becomes a failed outcome, anything else a fault of
 * the run. Should even that fail, the error is dropped; the host's timeout still ends the run.
 */
export function createGuardedSend<M extends Sent>(
  post: (message: M) => void,
): (message: M) => void {
  const attempt = (message: M): unknown => {
    try {
      post(message);
      return undefined;
    } catch (error) {
      return error ?? new Error('postMessage failed');
    }
  };
  return (message) => {
    const error = attempt(message);
    if (error === undefined) return;
    const text = sendFailureMessage(message.type, error);
    if (message.type === 'settled' && 'outcome' in message) {
      const failed: EngineOutcome = {
        status: 'failed',
        kind: 'unserializable',
        error: { name: 'Error', message: text },
        durationMs: message.outcome.durationMs,
      };
      if (attempt({ ...message, outcome: failed } as M) === undefined) return;
    }
    attempt({ type: 'fault', runId: message.runId, message: text } as M);
  };
}
