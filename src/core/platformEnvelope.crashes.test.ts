import { describe, expect, test } from 'vitest';
import { executeHook } from './executeHook';
import { platformEnvelope, type Envelope } from './platformEnvelope';
import { getPoint } from './points';
import type { JsonValue, LogEntry, PointId } from './schemas';
import { CE_BODY, ce, phone, user, stackHeads, SYNC, NO_ANSWER } from './envelopeOf.testSupport';

// The platform's crashes inside its own body handling (docs/runtime-semantics.md §2, §9).
// Every expected value is what the platform oracle answered (auth0-ext-compilers 6.1.0 on
// webtask-runtime); `stack` is checked by its first line only.

async function runOf(point: PointId, code: string, payload: JsonValue) {
  const logs: LogEntry[] = [];
  const hook = executeHook(
    { point, code, payload, secrets: {}, graceMs: 0 },
    { onLog: (entry) => logs.push(entry), subscribeUncaught: () => () => undefined },
  );
  const outcome = await hook.settled;
  await hook.finished;
  const envelope = platformEnvelope(point, outcome);
  return {
    outcome,
    logs,
    envelope:
      envelope.status === null ? envelope : { ...envelope, body: stackHeads(envelope.body) },
  };
}

const PHONE = getPoint('send-phone-message').defaultPayload as Record<string, JsonValue>;
const PHONE_CONTEXT = PHONE.context as Record<string, JsonValue>;

const syncCrash = (message: string): Envelope => ({
  status: 500,
  body: { code: 500, error: SYNC, details: `TypeError: ${message}`, name: 'TypeError', message },
});
const noAnswer: Envelope = { status: null, note: NO_ANSWER };

const rows: [string, PointId, string, JsonValue, string, Envelope][] = [
  [
    'credentials-exchange context: null → 500 (oracle)',
    'credentials-exchange',
    ce('cb();'),
    { ...CE_BODY, context: null },
    "Cannot set properties of null (setting 'webtask')",
    syncCrash("Cannot set properties of null (setting 'webtask')"),
  ],
  [
    'credentials-exchange null body → no answer (oracle)',
    'credentials-exchange',
    ce('cb();'),
    null,
    "Cannot read properties of null (reading 'client')",
    noAnswer,
  ],
  [
    'credentials-exchange false body: read again as null → no answer (oracle)',
    'credentials-exchange',
    ce('cb();'),
    false,
    "Cannot read properties of null (reading 'client')",
    noAnswer,
  ],
  [
    'send-phone-message null body → no answer (oracle)',
    'send-phone-message',
    phone('cb();'),
    null,
    "Cannot read properties of null (reading 'recipient')",
    noAnswer,
  ],
  [
    'send-phone-message 0 body: read again as null → no answer (oracle)',
    'send-phone-message',
    phone('cb();'),
    0,
    "Cannot read properties of null (reading 'recipient')",
    noAnswer,
  ],
  [
    'send-phone-message context: null → 500 (oracle)',
    'send-phone-message',
    phone('cb();'),
    { ...PHONE, context: null },
    "Cannot read properties of null (reading 'message_type')",
    syncCrash("Cannot read properties of null (reading 'message_type')"),
  ],
  [
    'send-phone-message context.client: null → 500 (oracle)',
    'send-phone-message',
    phone('cb();'),
    { ...PHONE, context: { ...PHONE_CONTEXT, client: null } },
    "Cannot read properties of null (reading 'client_id')",
    syncCrash("Cannot read properties of null (reading 'client_id')"),
  ],
];

describe('crashes inside the platform’s body handling', () => {
  test.each(rows)('%s', async (_label, point, code, payload, message, expected) => {
    const { outcome, envelope, logs } = await runOf(point, code, payload);
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: expected.status === null ? 'async-throw' : 'thrown',
      error: { name: 'TypeError', message },
    });
    expect(envelope).toEqual(expected);
    const then =
      expected.status === null
        ? 'the exception escaped, so the request got no answer'
        : 'the webtask runtime answered 500';
    expect(logs.map((entry) => [entry.source, entry.level, entry.text])).toEqual([
      [
        'runtime',
        'error',
        `The platform crashed on this payload before calling the hook (TypeError: ${message}); ${then}`,
      ],
    ]);
  });

  test.each([null, false, 0, ''])(
    'a user point refuses a %j body as not an object, without a crash (oracle)',
    async (payload) => {
      const { outcome, envelope, logs } = await runOf(
        'pre-user-registration',
        user('cb();'),
        payload,
      );
      const message = 'Body received by extensibility point is not an object';
      expect(outcome).toMatchObject({ kind: 'invalid-body', error: { name: 'Error', message } });
      expect(envelope).toEqual({
        status: 200,
        body: { status: 'error', data: { stack: `Error: ${message}`, message } },
      });
      expect(logs).toEqual([]);
    },
  );
});
