import { describe, expect, test } from 'vitest';
import { MAX_AUTO_MOCK_RESULTS, overLimitText } from '../../core/inputLimits';
import { HookRecordSchema, NetworkDraftSchema, type HookDraft } from '../hookRecord';
import { newHook } from '../newHook';
import { prepareRun } from '../run/prepareRun';
import { runInputsOf } from '../run/runInputs';
import { testRunInputs } from '../testCases/testRunInputs';
import { exportWorkspaceJson, parseWorkspaceJson } from '../workspaceJson';
import { emptyNetwork, isEmptyNetwork, networkForRun } from './network';
import {
  addAutoMockResultEdit,
  findAutoMockResult,
  removeAutoMockResultEdit,
  updateAutoMockResultEdit,
} from './networkEdits';

type Network = HookDraft['network'];
const withResults = (rows: { path: string; resultText: string }[]): Network => ({
  ...emptyNetwork(),
  autoMocks: ['stripe'],
  autoMockResults: rows,
});
const many = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ path: `sdk.m${index}`, resultText: '{}' }));

describe('auto-mock result edits', () => {
  test('add answers {} for the path, update changes one row, removing the last drops the field', () => {
    const added = addAutoMockResultEdit('stripe.customers.create')(emptyNetwork())!;
    expect(added.autoMockResults).toEqual([{ path: 'stripe.customers.create', resultText: '{}' }]);
    expect(findAutoMockResult(added, 'stripe.customers.create')).toBe(0);
    expect(findAutoMockResult(added, 'stripe.customers.list')).toBe(-1);
    const typed = updateAutoMockResultEdit(0, { resultText: '{"id":"cus_1"}' })(added)!;
    expect(typed.autoMockResults).toEqual([
      { path: 'stripe.customers.create', resultText: '{"id":"cus_1"}' },
    ]);
    expect(updateAutoMockResultEdit(0, { resultText: '{"id":"cus_1"}' })(typed)).toBeUndefined();
    expect(updateAutoMockResultEdit(3, { path: 'x' })(typed)).toBeUndefined();
    const removed = removeAutoMockResultEdit(0)(typed)!;
    expect(removed).toEqual(emptyNetwork());
    expect(isEmptyNetwork(removed)).toBe(true);
    expect(isEmptyNetwork({ ...emptyNetwork(), autoMockResults: many(1) })).toBe(false);
  });

  test(`adding is refused at ${MAX_AUTO_MOCK_RESULTS} rules`, () => {
    expect(addAutoMockResultEdit('one.more')(withResults(many(MAX_AUTO_MOCK_RESULTS)))).toBe(
      undefined,
    );
    expect(
      addAutoMockResultEdit('one.more')(withResults(many(MAX_AUTO_MOCK_RESULTS - 1)))
        ?.autoMockResults,
    ).toHaveLength(MAX_AUTO_MOCK_RESULTS);
  });
});

describe('auto-mock results in a run', () => {
  const hook = (network: Network) =>
    newHook({
      pointId: 'post-user-registration',
      name: 'Stripe',
      draft: { ...newHook({ pointId: 'post-user-registration', name: 'x' }).draft, network },
    });

  test('a run uses the rules with a path, trimmed', () => {
    const network = withResults([
      { path: ' stripe.customers.create ', resultText: '{"id":"cus_1"}' },
      { path: '  ', resultText: 'not yet' },
    ]);
    expect(networkForRun(network).autoMockResults).toEqual([
      { path: 'stripe.customers.create', resultText: '{"id":"cus_1"}' },
    ]);
    const prepared = prepareRun(runInputsOf(hook(network)), {}, 0);
    expect(prepared.ok && prepared.request.network?.autoMockResults).toEqual([
      { path: 'stripe.customers.create', resultText: '{"id":"cus_1"}' },
    ]);
    expect(networkForRun(emptyNetwork())).not.toHaveProperty('autoMockResults');
  });

  test("a saved test's run uses the hook's rules, whatever auto-mocks the test overrides", () => {
    const rows = [{ path: 'stripe.customers.create', resultText: '{"id":"cus_1"}' }];
    const { inputs } = testRunInputs(hook(withResults(rows)), {
      payloadText: '{}',
      overrides: { autoMocks: ['stripe', 'twilio'] },
    });
    expect(inputs.network).toMatchObject({
      autoMocks: ['stripe', 'twilio'],
      autoMockResults: rows,
    });
  });

  test('a result that is not JSON refuses the run, as the payload does', () => {
    const network = withResults([{ path: 'stripe.customers.create', resultText: '{"id":' }]);
    const prepared = prepareRun(runInputsOf(hook(network)), {}, 0);
    expect(prepared).toMatchObject({
      ok: false,
      problem: {
        status: 'not-started',
        field: 'network',
        message: expect.stringMatching(
          /^The auto-mock result for stripe\.customers\.create is not valid JSON: /,
        ),
      },
    });
  });
});

describe('auto-mock results are stored with the hook', () => {
  test(`the draft schema takes invalid JSON text but at most ${MAX_AUTO_MOCK_RESULTS} rules`, () => {
    expect(
      NetworkDraftSchema.safeParse(withResults([{ path: '', resultText: '{"' }])).success,
    ).toBe(true);
    const over = NetworkDraftSchema.safeParse(withResults(many(MAX_AUTO_MOCK_RESULTS + 1)));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe(
      overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS),
    );
    expect(overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS)).toBe(
      "Auto-mock results: at most 200 (Hookpad's limit).",
    );
    // Drafts stored before the field exist without it.
    expect(NetworkDraftSchema.safeParse(emptyNetwork()).success).toBe(true);
  });

  test('a workspace file carries them in the draft and in versions; beyond the limit the hook is refused', () => {
    const rows = [{ path: '*.customers.create', resultText: '{"id":"cus_1"}' }];
    const base = newHook({ pointId: 'post-user-registration', name: 'Stripe' });
    const record = { ...base, draft: { ...base.draft, network: withResults(rows) } };
    const saved = {
      ...record,
      versions: [
        { id: 'v1', savedAt: 1, message: '', pointId: record.pointId, draft: record.draft },
      ],
    };
    const parsed = parseWorkspaceJson(exportWorkspaceJson([saved], { includeSecrets: false }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.hooks[0]?.draft.network.autoMockResults).toEqual(rows);
    expect(parsed.hooks[0]?.versions[0]?.draft.network.autoMockResults).toEqual(rows);

    const tooMany = {
      ...record,
      draft: { ...record.draft, network: withResults(many(MAX_AUTO_MOCK_RESULTS + 1)) },
    };
    expect(HookRecordSchema.safeParse(tooMany).success).toBe(false);
    const refused = parseWorkspaceJson(exportWorkspaceJson([tooMany], { includeSecrets: false }));
    expect(refused.hooks).toEqual([]);
    expect(refused.problems.join(' ')).toContain("at most 200 (Hookpad's limit)");
  });
});
