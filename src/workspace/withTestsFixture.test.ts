import { describe, expect, test } from 'vitest';
import { executeHook } from '../core/executeHook';
import type { JsonValue, LogEntry } from '../core/schemas';
import { matchExpectations } from '../core/testCases/matchExpectations';
import type { HookRecord } from './hookRecord';
import { importFiles } from './importHooks';
import { fixtureFiles } from './importFixtures.testSupport';
import { testRunInputs } from './testCases/testRunInputs';

// fixtures/with-tests is the project's deploy-cli folder with tests: the headless runner and
// these tests use it. Its tests must pass against its hooks, run by the app's engine.

const result = importFiles(fixtureFiles('with-tests'));
const hookNamed = (name: string): HookRecord => {
  const hook = result.hooks.find(({ record }) => record.name === name)?.record;
  if (!hook) throw new Error(`no hook ${name}`);
  return hook;
};

describe('fixtures/with-tests', () => {
  test('imports as two hooks with two tests each, without a problem', () => {
    expect(result.problems).toEqual([]);
    expect(
      result.hooks.map(({ source, record }) => ({
        source,
        pointId: record.pointId,
        tests: record.tests.map((test) => test.name),
      })),
    ).toEqual([
      {
        source: 'with-tests/hooks/add-plan-claim.json',
        pointId: 'credentials-exchange',
        tests: ["the client's plan becomes a claim", 'a client without a plan gets the free claim'],
      },
      {
        source: 'with-tests/hooks/add-signup-metadata.json',
        pointId: 'pre-user-registration',
        tests: ['example.com addresses get the team plan', 'other addresses get the free plan'],
      },
    ]);
  });

  test.each(['add-signup-metadata', 'add-plan-claim'])(
    "every test of %s passes when run by the app's engine",
    async (name) => {
      const hook = hookNamed(name);
      for (const testCase of hook.tests) {
        const { inputs, storage } = testRunInputs(hook, testCase);
        const payload = JSON.parse(inputs.payloadText) as JsonValue;
        const logs: LogEntry[] = [];
        const running = executeHook(
          {
            point: inputs.pointId,
            code: inputs.code,
            payload,
            secrets: Object.fromEntries(inputs.secrets),
            graceMs: 0,
            storage,
          },
          { onLog: (entry) => logs.push(entry) },
        );
        const outcome = await running.settled;
        await running.finished;
        const results = matchExpectations(testCase.expectations, {
          pointId: inputs.pointId,
          payload,
          outcome,
          logs,
          requests: [],
        });
        expect(results.length).toBeGreaterThanOrEqual(4);
        expect(results.filter((item) => !item.passed)).toEqual([]);
      }
    },
  );
});
