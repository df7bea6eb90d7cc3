import { describe, expect, test } from 'vitest';
import { executeHook } from './executeHook';
import { missingModuleHeadline, missingModuleOf } from './missingModule';
import { getPoint } from './points';
import type { SerializedError } from './schemas';

const point = getPoint('send-phone-message');

async function failureOf(code: string): Promise<SerializedError> {
  const outcome = await executeHook(
    { point: point.id, code, payload: point.defaultPayload, secrets: {}, graceMs: 0 },
    { onLog: () => undefined },
  ).settled;
  if (outcome.status !== 'failed') throw new Error(`expected a failure, got ${outcome.status}`);
  return outcome.error;
}

describe('missingModuleOf', () => {
  test('a module required at top level that Hookpad lacks is named', async () => {
    const error = await failureOf(
      "var twilio = require('twilio@3.0.0');\nmodule.exports = function (r, t, c, cb) { cb(); };",
    );
    expect(missingModuleOf(error)).toBe('twilio');
    expect(missingModuleHeadline('twilio')).toBe("Module 'twilio' is not available in Hookpad");
  });

  test('a missing module required inside the hook is named too', async () => {
    const error = await failureOf(
      "module.exports = function (r, t, c, cb) { require('left-pad'); cb(); };",
    );
    expect(missingModuleOf(error)).toBe('left-pad');
  });

  test('a syntax error or an error without a module names none', async () => {
    expect(missingModuleOf(await failureOf('module.exports = function ('))).toBeUndefined();
    expect(missingModuleOf({ name: 'Error', message: 'x', props: { code: 'E' } })).toBeUndefined();
  });

  test("a broken module mock is the mock's error, not a missing module", () => {
    expect(
      missingModuleOf({
        name: 'Error',
        message: "Module mock 'twilio' threw while loading: Error: x",
        props: { hookpadModule: 'twilio' },
      }),
    ).toBeUndefined();
  });
});
