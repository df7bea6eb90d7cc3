import { describe, expect, test } from 'vitest';
import { capResponse, RESPONSE_TOO_DEEP_MESSAGE, responseCapNote } from './capResponse';
import { executeHook } from './executeHook';
import { jsonTextDepth } from './jsonTextDepth';
import { MAX_JSON_DEPTH, MAX_RESPONSE_CHARS } from './outputLimits';
import { getPoint } from './points';
import type { EngineOutcome, PointId } from './schemas';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

async function settle(point: PointId, body: string): Promise<EngineOutcome> {
  const payload = getPoint(point).defaultPayload;
  // The callback is the last argument at every point.
  const code = `module.exports = function () {\nconst cb = arguments[arguments.length - 1];\n${body}\n};`;
  const run = executeHook(
    { point, code, payload: payload as never, secrets: {}, graceMs: 0 },
    { onLog: () => undefined },
  );
  return run.settled;
}

describe('jsonTextDepth', () => {
  test('counts nesting outside strings only, escapes included', () => {
    expect(jsonTextDepth('1')).toBe(0);
    expect(jsonTextDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonTextDepth('["[[[{", "\\"[[", "\\\\"]')).toBe(1);
  });

  test('stops once past the limit (100,000 levels are measured without recursion)', () => {
    expect(jsonTextDepth(nested(100_000))).toBe(100_000);
    expect(jsonTextDepth(nested(100_000), 10)).toBe(11);
  });
});

describe('capResponse', () => {
  test('a response within the limit is sent whole', () => {
    expect(capResponse('{"a":1}', () => ({}))).toEqual({
      ok: true,
      fields: { response: { a: 1 } },
    });
    expect(capResponse(undefined, () => ({}))).toEqual({ ok: true, fields: {} });
  });

  test('past MAX_RESPONSE_CHARS: the first characters, the size and the view of the real value', () => {
    const json = JSON.stringify('x'.repeat(3 * MAX_RESPONSE_CHARS));
    const seen: unknown[] = [];
    const capped = capResponse(json, (value) => {
      seen.push(typeof value === 'string' ? value.length : value);
      return { kind: 'response' };
    });
    expect(capped).toEqual({
      ok: true,
      fields: {
        response: json.slice(0, MAX_RESPONSE_CHARS),
        responseCap: { chars: json.length, view: { kind: 'response' } },
      },
    });
    expect(seen).toEqual([3 * MAX_RESPONSE_CHARS]);
  });

  test('a view as large as the response is left out', () => {
    const json = JSON.stringify({ big: 'x'.repeat(MAX_RESPONSE_CHARS) });
    const capped = capResponse(json, (value) => ({ kind: 'merged-user', user: value }));
    expect(capped.ok && capped.fields.responseCap).toEqual({ chars: json.length });
  });

  test('a response nested past MAX_JSON_DEPTH fails with a clear message', () => {
    expect(capResponse(nested(MAX_JSON_DEPTH), () => ({})).ok).toBe(true);
    expect(capResponse(nested(MAX_JSON_DEPTH + 1), () => ({}))).toEqual({
      ok: false,
      error: { name: 'Error', message: RESPONSE_TOO_DEEP_MESSAGE },
    });
  });

  test('the note says the size and what is shown', () => {
    expect(responseCapNote(20_971_522)).toBe('Response is 21 MB of JSON; showing the first 1 MB.');
    expect(responseCapNote(2_450_000)).toBe('Response is 2.5 MB of JSON; showing the first 1 MB.');
  });
});

describe('the engine caps what it sends of a response', () => {
  test('a 20 MB string still succeeds, sent as its first 1 MB with its size', async () => {
    const outcome = await settle('post-change-password', "cb(null, 'x'.repeat(20 * 1024 * 1024));");
    expect(outcome.status).toBe('succeeded');
    if (outcome.status !== 'succeeded') return;
    expect(outcome.response).toBe(`"${'x'.repeat(MAX_RESPONSE_CHARS - 1)}`);
    expect(outcome.responseCap?.chars).toBe(20 * 1024 * 1024 + 2);
    expect(outcome.responseCap?.view).toEqual({
      kind: 'response-ignored',
      message: "The platform ignores this point's response.",
    });
  });

  test("the platform's view is computed on the real value: the claims a big response keeps", async () => {
    const outcome = await settle(
      'credentials-exchange',
      "cb(null, { 'https://example.com/plan': 'gold', blob: 'x'.repeat(2000000) });",
    );
    expect(outcome.status === 'succeeded' && outcome.responseCap?.view).toEqual({
      kind: 'access-token-claims',
      claims: { 'https://example.com/plan': 'gold' },
      dropped: [{ key: 'blob', reason: 'not namespaced (must be an http or https URL)' }],
    });
  });

  test('a result nested past MAX_JSON_DEPTH fails at once, not at the timeout', async () => {
    // 1,500 levels: within what Node's JSON.stringify takes, past what the app receives.
    // (Chromium's JSON.stringify takes 100,000 levels, so the cap is what ends such a run.)
    const outcome = await settle(
      'credentials-exchange',
      'let v = {}; for (let i = 0; i < 1500; i++) v = { a: v }; cb(null, v);',
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'unserializable',
      error: { message: RESPONSE_TOO_DEEP_MESSAGE },
    });
  });
});
