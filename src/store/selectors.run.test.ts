import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import type { FailureKind, PointId } from '../core/schemas';
import { runStatusText, selectEditedSinceRun } from './selectors';
import { idleRun } from './runSlice';
import type { RunState } from '../workspace/run/runState';

function setup() {
  const fake = createFakeRunner();
  const store = createAppStore({ runner: fake.runner, testRunner: createFakeRunner().runner });
  const state = () => store.getState();
  return { store, runs: fake.runs, state, id: state().selectedHookId };
}

async function runToEnd({ state, runs }: ReturnType<typeof setup>) {
  state().startRun();
  runs.at(-1)!.settle({ status: 'succeeded', durationMs: 3 });
  await Promise.resolve();
  await Promise.resolve();
  expect(state().run.status).toBe('done');
}

describe('selectEditedSinceRun', () => {
  it('is false before any run and right after one', async () => {
    const app = setup();
    expect(selectEditedSinceRun(app.state())).toBe(false);
    await runToEnd(app);
    expect(selectEditedSinceRun(app.state())).toBe(false);
  });

  it('turns true on an edit of the code, payload, secrets, mocks or modules', async () => {
    const edits: [string, (app: ReturnType<typeof setup>) => void][] = [
      ['code', ({ state, id }) => state().setCode(id, '// changed')],
      ['payload', ({ state, id }) => state().setPayloadText(id, '{}')],
      ['secret', ({ state, id }) => void state().addSecret(id)],
      ['HTTP mock', ({ state, id }) => void state().addHttpMock(id)],
      ['allow network', ({ state, id }) => state().setAllowNetwork(id, true)],
      ['module mock', ({ state, id }) => void state().addModuleMock(id, 'twilio')],
      ['auto-mock', ({ state, id }) => state().addAutoMock(id, 'twilio')],
    ];
    for (const [what, edit] of edits) {
      const app = setup();
      await runToEnd(app);
      edit(app);
      expect(selectEditedSinceRun(app.state()), what).toBe(true);
      await runToEnd(app);
      expect(selectEditedSinceRun(app.state()), `${what}, after the next run`).toBe(false);
    }
  });

  it('turns true while the run is still going, and again false when the edit is undone', async () => {
    const app = setup();
    const code = app.state().hooks[app.id]!.draft.code;
    app.state().startRun();
    app.state().setCode(app.id, code + '\n');
    expect(selectEditedSinceRun(app.state())).toBe(true);
    app.state().setCode(app.id, code);
    expect(selectEditedSinceRun(app.state())).toBe(false);
  });

  it("does not count the run's own storage writes or a cleared storage", async () => {
    const app = setup();
    app.state().startRun();
    app.runs[0]!.store({ data: { count: 1 }, etag: '1' });
    expect(selectEditedSinceRun(app.state())).toBe(false);
    app.runs[0]!.settle({ status: 'succeeded', durationMs: 3 });
    await Promise.resolve();
    app.runs[0]!.store({ data: { count: 2 }, etag: '2' });
    app.state().clearStorage(app.id);
    expect(selectEditedSinceRun(app.state())).toBe(false);
  });

  it('compares the hook the run ran, also when another hook is selected', async () => {
    const app = setup();
    await runToEnd(app);
    const other = app.state().createHook('send-phone-message');
    app.state().selectHook(other);
    app.state().setCode(other, '// other');
    expect(selectEditedSinceRun(app.state())).toBe(false);
    app.state().setCode(app.id, '// ran');
    expect(selectEditedSinceRun(app.state())).toBe(true);
  });

  it('counts an edit after a run that never reached the sandbox', () => {
    const app = setup();
    app.state().setPayloadText(app.id, '{ nope');
    app.state().startRun();
    expect(app.state().run.outcome?.status).toBe('not-started');
    app.state().setPayloadText(app.id, '{}');
    expect(selectEditedSinceRun(app.state())).toBe(true);
  });
});

describe('runStatusText', () => {
  const failedRun = (
    point: PointId,
    name: string,
    kind: FailureKind = 'callback-error',
  ): RunState => ({
    ...idleRun,
    status: 'done',
    point,
    outcome: { status: 'failed', kind, error: { name, message: 'm' }, durationMs: 12.2 },
  });

  it("words a deliberate denial as an outcome with the platform's reason", () => {
    expect(runStatusText(failedRun('pre-user-registration', 'PreUserRegistrationError'))).toBe(
      'Denied in 12 ms — Signup denied',
    );
    expect(runStatusText(failedRun('credentials-exchange', 'InvalidScopeError'))).toBe(
      'Denied in 12 ms — invalid_scope',
    );
    expect(runStatusText(failedRun('send-phone-message', 'SendPhoneMessageError'))).toBe(
      'Denied in 12 ms — Message not sent',
    );
  });

  it('keeps a throw or a plain Error a failure, with the platform verdict where it has one', () => {
    expect(runStatusText(failedRun('pre-user-registration', 'Error'))).toBe(
      'Failed in 12 ms — Signup denied',
    );
    expect(
      runStatusText(failedRun('pre-user-registration', 'PreUserRegistrationError', 'thrown')),
    ).toBe('Failed in 12 ms — Signup denied');
    expect(runStatusText(failedRun('credentials-exchange', 'Error'))).toBe('Failed in 12 ms');
    expect(runStatusText(failedRun('post-user-registration', 'PreUserRegistrationError'))).toBe(
      'Failed in 12 ms',
    );
  });

  it('says Running… and the hint before the first run', () => {
    expect(runStatusText(idleRun)).toBe('Press Ctrl+Enter to run');
    expect(runStatusText({ ...idleRun, status: 'running' })).toBe('Running…');
  });
});
