import type { StateCreator } from 'zustand';
import type { RunKind } from '../core/actions/actionSchemas';
import type { Runner } from '../sandbox/runner';
import type { TestResultState } from '../workspace/testCases/testResultState';
import { runKindsOf, testResultKey, type TestsTarget } from '../workspace/testCases/testResultKey';
import type { AppState } from './appState';
import { runDependencySource } from './runPackages';
import { runTestCase, type TestRunHandle } from './runTestCase';

export type { TestResultState, TestVerdict } from '../workspace/testCases/testResultState';
export type { TestsTarget } from '../workspace/testCases/testResultKey';

/** A Run all (scope 'hook') or a workspace run; `done` of `total` tests have a result. */
export interface TestBatch {
  scope: 'hook' | 'workspace';
  hookIds: string[];
  total: number;
  done: number;
  running: boolean;
}

/** Runs of saved tests, on their own runner: a workbench run and a test run never meet. */
export interface TestsSlice {
  /**
   * By testResultKey: the test id for a run on the hook, `${id}#action` on the Action (ids
   * are unique in the workspace: a copied or imported test needs a new one); absent = never
   * run in this tab (results are not persisted).
   */
  testResults: Record<string, TestResultState>;
  /** The current or last batch; null when none has run. */
  testBatch: TestBatch | null;
  /** Runs one test on the hook or its Action (nothing happens while it is already queued or running). */
  runTest(hookId: string, testId: string, kind?: RunKind): Promise<void>;
  /**
   * Every test of the hook on the hook (the default), its Action, or both, several at once;
   * nothing happens while a batch runs. A hook without an Action draft runs on the hook only.
   */
  runAllTests(hookId: string, target?: TestsTarget): Promise<void>;
  /**
   * Every test of every hook, several at once; the batch's `hookIds` are the hooks that have
   * tests, in the list's order. Nothing happens while a batch runs.
   */
  runWorkspaceTests(): Promise<void>;
  /** Stops every queued and running test; each gets back the result it had before. */
  cancelTests(): void;
}

type TestRef = { hookId: string; testId: string; kind: RunKind };
const keyOf = (ref: TestRef) => testResultKey(ref.testId, ref.kind);
/** How a test's run ended for its batch. */
type Settled = 'done' | 'skipped' | 'cancelled';

export function createTestsSlice(testRunner: Runner): StateCreator<AppState, [], [], TestsSlice> {
  return (set, get, store) => {
    /** The runs in flight, by result key, with the result each had before it was queued. */
    const active = new Map<
      string,
      { testId: string; handle: TestRunHandle | null; before?: TestResultState }
    >();
    let batchId = 0;

    const setResult = (testId: string, result: TestResultState | undefined) =>
      set((state) => {
        const { [testId]: _old, ...rest } = state.testResults;
        return { testResults: result === undefined ? rest : { ...rest, [testId]: result } };
      });
    const testOf = ({ hookId, testId }: TestRef) =>
      get().hooks[hookId]?.tests.find((test) => test.id === testId);

    // A test (or its hook) deleted while queued or running is skipped: its run is stopped.
    store.subscribe((state, previous) => {
      if (active.size === 0 || state.hooks === previous.hooks) return;
      const kept = new Set(Object.values(state.hooks).flatMap((h) => h.tests.map((t) => t.id)));
      for (const entry of active.values()) if (!kept.has(entry.testId)) entry.handle?.cancel();
    });

    /** Marks the tests not already in flight as queued and returns them. */
    function queue(refs: TestRef[]): TestRef[] {
      const fresh = refs.filter((ref) => !active.has(keyOf(ref)));
      for (const ref of fresh) {
        const key = keyOf(ref);
        active.set(key, { testId: ref.testId, handle: null, before: get().testResults[key] });
      }
      set((state) => ({
        testResults: {
          ...state.testResults,
          ...Object.fromEntries(fresh.map((ref) => [keyOf(ref), { status: 'queued' }])),
        },
      }));
      return fresh;
    }

    /** Hands every queued test to the runner at once (it runs as many as it can); settles when all have. */
    const runQueued = (refs: TestRef[], onSettled: (how: Settled) => void) =>
      Promise.all(refs.map((ref) => runOne(ref).then(onSettled))).then(() => undefined);

    async function runOne(ref: TestRef): Promise<Settled> {
      const key = keyOf(ref);
      const entry = active.get(key)!;
      const hook = get().hooks[ref.hookId];
      const test = testOf(ref);
      if (!hook || !test) {
        active.delete(key);
        setResult(key, undefined);
        return 'skipped';
      }
      entry.handle = runTestCase(testRunner, hook, test, {
        timeoutMs: get().timeoutMs,
        target: ref.kind,
        packagesFor: (inputs) => get().packageTreeFor(runDependencySource(hook, inputs)),
        onStart: () => {
          if (active.get(key) === entry) setResult(key, { status: 'running' });
        },
      });
      const { state, cancelled } = await entry.handle.result;
      active.delete(key);
      const now = testOf(ref);
      if (now === undefined) {
        setResult(key, undefined);
        return 'skipped';
      }
      if (cancelled) {
        setResult(key, entry.before);
        return 'cancelled';
      }
      // A test edited while it ran: this result describes the test as it was.
      setResult(key, now === test ? state : undefined);
      return 'done';
    }

    async function runBatch(scope: TestBatch['scope'], hookIds: string[], target: TestsTarget) {
      if (get().testBatch?.running) return;
      const refs = queue(
        hookIds.flatMap((hookId) => {
          const hook = get().hooks[hookId];
          // Only a hook with an Action draft has an Action to run its tests on.
          const kinds = runKindsOf(hook?.draft.action ? target : 'hook');
          return (hook?.tests ?? []).flatMap((test) =>
            kinds.map((kind) => ({ hookId, testId: test.id, kind })),
          );
        }),
      );
      const id = ++batchId;
      set({ testBatch: { scope, hookIds, total: refs.length, done: 0, running: true } });
      const update = (change: (batch: TestBatch) => Partial<TestBatch>) =>
        set((state) =>
          id === batchId && state.testBatch
            ? { testBatch: { ...state.testBatch, ...change(state.testBatch) } }
            : state,
        );
      await runQueued(refs, (how) => {
        if (how === 'done') update((batch) => ({ done: batch.done + 1 }));
        // A skipped test leaves the batch, so the progress still reaches its end.
        if (how === 'skipped') update((batch) => ({ total: batch.total - 1 }));
      });
      update(() => ({ running: false }));
    }

    return {
      testResults: {},
      testBatch: null,

      runTest: (hookId, testId, kind = 'hook') => {
        if (kind === 'action' && !get().hooks[hookId]?.draft.action) return Promise.resolve();
        return runQueued(queue([{ hookId, testId, kind }]), () => {});
      },
      runAllTests: (hookId, target = 'hook') => runBatch('hook', [hookId], target),
      runWorkspaceTests: () =>
        runBatch(
          'workspace',
          get().hookOrder.filter((id) => (get().hooks[id]?.tests.length ?? 0) > 0),
          'hook',
        ),
      cancelTests: () => {
        for (const entry of active.values()) entry.handle?.cancel();
        set((state) =>
          state.testBatch?.running ? { testBatch: { ...state.testBatch, running: false } } : state,
        );
      },
    };
  };
}
