import type { OutboundEntry } from '../networkSchemas';
import type { FailureKind, LogEntry, RunOutcome } from '../schemas';
import type { TestRunResult } from './matchExpectations';

// Runs as the matchers see them, built by hand: the matchers are pure and need no sandbox.

export const succeeded = (response?: TestRunResult['payload']): RunOutcome => ({
  status: 'succeeded',
  ...(response === undefined ? {} : { response }),
  durationMs: 5,
});

export const failed = (
  name: string,
  message: string,
  kind: FailureKind = 'callback-error',
  friendlyMessage?: string,
): RunOutcome => ({
  status: 'failed',
  kind,
  error: { name, message, ...(friendlyMessage === undefined ? {} : { friendlyMessage }) },
  durationMs: 5,
});

export const log = (text: string, level: LogEntry['level'] = 'log', seq = 0): LogEntry => ({
  seq,
  level,
  source: 'hook',
  timeMs: 1,
  text,
  args: [text],
});

export const http = (method: string, url: string, requestBody?: string): OutboundEntry => ({
  seq: 0,
  kind: 'http',
  timeMs: 1,
  client: 'fetch',
  method,
  url,
  ...(requestBody === undefined ? {} : { requestBody }),
  answeredBy: 'mock',
});

export const sdkCall = (call: string): OutboundEntry => ({
  seq: 0,
  kind: 'sdk',
  timeMs: 1,
  client: 'twilio',
  call,
  answeredBy: 'sdk',
});

/** A pre-user-registration run of a payload user, with nothing logged or requested. */
export function runOf(outcome: RunOutcome, extra: Partial<TestRunResult> = {}): TestRunResult {
  return {
    pointId: 'pre-user-registration',
    payload: { user: { email: 'a@b.c', app_metadata: { plan: 'free' } } },
    outcome,
    logs: [],
    requests: [],
    ...extra,
  };
}
