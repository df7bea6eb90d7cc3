import type { RunKind } from '../../core/actions/actionSchemas';
import type { StorageState } from '../../core/schemas';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import type { HookRecord } from '../hookRecord';
import { runInputsOf, type RunInputs } from '../run/runInputs';

/** What a run of a test starts with: the workbench's inputs, plus what the workbench keeps elsewhere. */
export interface TestRunInputs {
  /** In the shape a workbench run records, so results read the same. */
  inputs: RunInputs;
  /** The webtask storage before the run: the test's, or empty; never the hook's. */
  storage: StorageState;
  /** The test's timeout; undefined = the workspace's timeout, as in the workbench. */
  timeoutMs: number | undefined;
}

/**
 * The inputs of a run of `test` on `hook` (testCaseSchema.ts): the hook's draft code (or, for
 * the target 'action', its Action draft's), the test's payload, and each override the test
 * sets replacing the hook's setting whole. Storage absent is empty storage, so a test does not
 * depend on earlier runs; the network is always off, so a test never depends on a real server.
 */
export function testRunInputs(
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
  test: Pick<TestCase, 'payloadText' | 'overrides'>,
  target: RunKind = 'hook',
): TestRunInputs {
  const own = runInputsOf(hook, target);
  const overrides = test.overrides ?? {};
  return {
    inputs: {
      kind: own.kind,
      pointId: own.pointId,
      code: own.code,
      // An Action the hook does not have: prepareRun refuses the run and says so.
      ...(own.noAction ? { noAction: own.noAction } : {}),
      payloadText: test.payloadText,
      secrets: overrides.secrets ? Object.entries(overrides.secrets) : own.secrets,
      network: {
        mocks: overrides.httpMocks ?? own.network.mocks,
        allowNetwork: false,
        moduleMocks: overrides.moduleMocks ?? own.network.moduleMocks,
        autoMocks: overrides.autoMocks ?? own.network.autoMocks,
        // A test has no results of its own: the hook's answer its auto-mocked calls.
        ...(own.network.autoMockResults && { autoMockResults: own.network.autoMockResults }),
      },
    },
    storage: overrides.storage ?? {},
    timeoutMs: overrides.timeoutMs,
  };
}
