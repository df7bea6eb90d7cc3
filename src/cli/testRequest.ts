import { NetworkSettingsSchema } from '../core/networkSchemas';
import { RunRequestSchema, type RunRequest } from '../core/schemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { describeZodError } from '../workspace/describeZodError';
import { networkForRun } from '../workspace/draft/network';
import { secretsForRun } from '../workspace/draft/secrets';
import type { HookRecord } from '../workspace/hookRecord';
import { testRunInputs } from '../workspace/testCases/testRunInputs';

/** How long a run's output is still collected after cb, as in the app's runs. */
export const GRACE_MS = 1000;

export type TestRequest =
  { ok: true; request: RunRequest; timeoutMs: number } | { ok: false; message: string };

/**
 * The engine request of a run of `test` on `hook`, built as the app builds a workbench run
 * from a test's inputs (testRunInputs): the test's timeout, else `defaultTimeoutMs`. A test
 * whose inputs cannot run (bad secrets, mocks or request) gives a message instead.
 */
export function testRequest(
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
  test: Pick<TestCase, 'payloadText' | 'overrides'>,
  defaultTimeoutMs: number,
): TestRequest {
  const { inputs, storage, timeoutMs } = testRunInputs(hook, test);
  let payload: unknown;
  try {
    payload = JSON.parse(inputs.payloadText);
  } catch (error) {
    return { ok: false, message: `The payload is not valid JSON: ${String(error)}` };
  }
  const secrets = secretsForRun(
    inputs.secrets.map(([name, value], index) => ({ id: `secret-${index}`, name, value })),
  );
  if (!secrets.ok) return { ok: false, message: secrets.message };
  const network = NetworkSettingsSchema.safeParse(networkForRun(inputs.network));
  if (!network.success) {
    return {
      ok: false,
      message: `The HTTP mocks or module settings are invalid: ${describeZodError(network.error)}`,
    };
  }
  const request = RunRequestSchema.safeParse({
    point: inputs.pointId,
    code: inputs.code,
    payload,
    secrets: secrets.secrets,
    graceMs: GRACE_MS,
    storage,
    network: network.data,
  });
  if (!request.success) {
    return { ok: false, message: `The run cannot start: ${describeZodError(request.error)}` };
  }
  return { ok: true, request: request.data, timeoutMs: timeoutMs ?? defaultTimeoutMs };
}
