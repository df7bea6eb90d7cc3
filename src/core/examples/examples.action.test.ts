import { describe, expect, test } from 'vitest';
import { examples, type HookExample } from './index';
import { compareRuns } from '../actions/compareRuns';
import { portHookToAction } from '../port/portHookToAction';
import { parsesAsAction } from '../port/portTestkit';
import { exampleAction } from './exampleAction';
import { payloadOf, runExample, type ExampleRun } from './runExample.testkit';

// Gallery: every example's hook and its Action run on the example's payload, secrets and
// storage, and "Hook vs Action" finds them equivalent — or lists exactly the differences no
// Action can avoid, which a port note in the Action explains.

const cases = examples.map((example) => [example.id, example] as const);

function differences(example: HookExample, hook: ExampleRun, action: ExampleRun): string[] {
  const side = (run: ExampleRun) => ({ outcome: run.outcome, requests: run.requests });
  const comparison = compareRuns({
    point: example.point,
    payload: payloadOf(example),
    hook: side(hook),
    action: side(action),
  });
  expect(comparison.equivalent).toBe(comparison.differences.length === 0);
  return comparison.differences.map((difference) => difference.text);
}

describe('every example and its Action', () => {
  test.each(cases)(
    '%s: Run both finds them equivalent, or only the differences a port note explains',
    async (_id, example) => {
      const [hook, action] = await Promise.all([
        runExample(example),
        runExample(example, { kind: 'action' }),
      ]);
      expect(action.outcome?.apiCalls).toBeDefined();
      expect(differences(example, hook, action)).toEqual(example.actionDifferences ?? []);
    },
  );

  test.each(cases)(
    '%s: the Action parses and its notes sit on TODO(port) lines',
    (_id, example) => {
      const { code, notes } = exampleAction(example);
      expect(parsesAsAction(code)).toBe(true);
      const lines = code.split('\n');
      for (const note of notes) {
        expect(lines[note.line - 1]?.trim()).toBe(`// TODO(port): ${note.message}`);
      }
      // A difference that stays is one the port could not carry over: a note says why.
      if (example.actionDifferences) expect(notes.length).toBeGreaterThan(0);
    },
  );
});

describe('hand-finished Actions', () => {
  const finished = cases.filter(([, example]) => example.action !== undefined);

  test('are few: only where the automatic port needs a person', () => {
    expect(finished.map(([id]) => id)).toEqual([
      'credentials-exchange-scope-undefined',
      'pre-user-registration-password-policy',
      'send-phone-message-token-cache',
    ]);
  });

  test.each(finished)(
    '%s: the automatic port alone fails where the finished one runs',
    async (_id, example) => {
      const automatic: HookExample = { ...example, action: undefined };
      const [hook, action] = await Promise.all([
        runExample(example),
        runExample(automatic, { kind: 'action' }),
      ]);
      expect(action.outcome?.status).toBe('failed');
      expect(differences(example, hook, action)).not.toEqual(example.actionDifferences ?? []);
    },
  );

  test('webtask storage: the token cache keeps its storage note, re-pointed at the finished code', () => {
    const example = examples.find(
      (candidate) => candidate.id === 'send-phone-message-token-cache',
    )!;
    const { notes } = exampleAction(example);
    expect(notes.map((note) => note.construct)).toEqual(['context.webtask.storage']);
    expect(notes[0]!.line).toBe(13);
    // The port's other notes (secrets, context) were resolved by hand and are gone.
    expect(portHookToAction(example.code, example.point).notes.length).toBe(3);
  });
});

describe('exampleAction', () => {
  test('without a hand-finished Action it is the automatic port', () => {
    const example = examples.find(
      (candidate) => candidate.id === 'post-change-password-require-lodash-version',
    )!;
    expect(exampleAction(example)).toEqual(portHookToAction(example.code, example.point));
    expect(exampleAction(example).dependencies).toEqual({ lodash: '4.17.21' });
  });

  test("a hand-finished Action's dependencies are added to the port's", () => {
    const example: HookExample = {
      ...examples.find(
        (candidate) => candidate.id === 'post-change-password-require-lodash-version',
      )!,
      action: {
        code: 'exports.onExecutePostChangePassword = async () => {};\n',
        dependencies: { dayjs: '1.11.0' },
      },
    };
    expect(exampleAction(example)).toEqual({
      code: 'exports.onExecutePostChangePassword = async () => {};\n',
      dependencies: { lodash: '4.17.21', dayjs: '1.11.0' },
      notes: [],
    });
  });
});
