import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFERRED_KILL_MS } from './createRunner';
import { request, setup } from './runnerSetup.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const succeeded = { status: 'succeeded', durationMs: 1 } as const;

describe('createRunner: a port straight to the worker', () => {
  it('a run is one message to its worker and two back; the frame only hears its lifecycle', async () => {
    const { runner, last, runsPosted } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const [run] = runsPosted();
    expect(run).toEqual({ type: 'run', runId: run!.runId, request });
    last().send({ type: 'settled', runId: run!.runId, outcome: succeeded });
    expect(await handle.outcome).toEqual(succeeded);
    last().send({ type: 'finished', runId: run!.runId });
    await handle.done;
    // Besides the run: `release` (the next standby may start) and `retire` (not a kill).
    expect(last().posted.map((m) => m.type)).toEqual(['run', 'ping', 'release', 'retire']);
    expect(last().posted[2]).toEqual({ type: 'release', workerId: 1 });
  });

  it('the frame hears of a settled run after the outcome is taken in, and before anything else', async () => {
    const { runner, last, runsPosted } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const framePosts = () => last().posted.filter((m) => m.type !== 'ping' && m.type !== 'run');
    const seenAtOutcome: unknown[] = [];
    void handle.outcome.then(() => seenAtOutcome.push(...framePosts()));
    last().send({ type: 'settled', runId: runsPosted()[0]!.runId, outcome: succeeded });
    await handle.outcome;
    // The outcome's consumers (the render of the result) ran before the frame was told.
    expect(seenAtOutcome).toEqual([]);
    expect(framePosts()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(framePosts()).toEqual([{ type: 'release', workerId: 1 }]);
  });

  it('the next run goes to the next standby the frame offers', async () => {
    const { runner, last, runsPosted } = setup();
    const first = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    last().send({ type: 'settled', runId: runsPosted()[0]!.runId, outcome: succeeded });
    await first.outcome;
    const second = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const runId = runsPosted()[1]!.runId;
    const framePosts = () => last().posted.filter((m) => m.type !== 'ping');
    // The run went to worker 2 at once. The first worker, in its grace period, is not
    // terminated beside it: the release put off after its outcome is all the frame has heard.
    expect(framePosts()).toEqual([
      { type: 'run', runId: runsPosted()[0]!.runId, request },
      { type: 'release', workerId: 1 },
      { type: 'run', runId, request },
    ]);
    expect(await first.outcome).toEqual(succeeded);
    await first.done; // the first run has ended: nothing of it is reported any more
    last().send({ type: 'settled', runId, outcome: succeeded });
    expect(await second.outcome).toEqual(succeeded);
    vi.advanceTimersByTime(1);
    // Once the second outcome is taken in: its release, then the first worker's kill.
    expect(framePosts().slice(3)).toEqual([
      { type: 'release', workerId: 2 },
      { type: 'kill', workerId: 1 },
    ]);
  });

  it('a worker cut short in its grace period is terminated after DEFERRED_KILL_MS at most', async () => {
    const { runner, last, runsPosted, kills } = setup();
    const first = runner.run(request, { timeoutMs: 5000, onLog: () => {} });
    last().send({ type: 'settled', runId: runsPosted()[0]!.runId, outcome: succeeded });
    await first.outcome;
    const second = runner.run(request, { timeoutMs: 5000, onLog: () => {} });
    last().answerPings();
    vi.advanceTimersByTime(DEFERRED_KILL_MS - 1);
    expect(kills()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(kills()).toEqual([{ type: 'kill', workerId: 1 }]);
    // The second run, still running, is not touched; its own Cancel stops it at once.
    second.cancel();
    expect(kills()).toEqual([
      { type: 'kill', workerId: 1 },
      { type: 'kill', workerId: 2 },
    ]);
  });

  it('a worker the frame reports broken crashes the run in it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    last().send({ type: 'fault', workerId: 2, message: 'another worker' });
    last().send({ type: 'fault', workerId: 1, message: 'Sandbox worker failed: x' });
    expect(await handle.outcome).toMatchObject({
      status: 'crashed',
      message: 'Sandbox worker failed: x',
    });
  });

  it('a run that finds no standby asks the frame for one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last, runsPosted } = setup({ autoReady: false });
    // The frame runs but could not start its first standby.
    last().send({ type: 'fault', message: 'Could not start a sandbox worker: x' });
    runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    expect(
      last()
        .posted.filter((m) => m.type !== 'ping')
        .map((m) => m.type),
    ).toEqual(['spawn', 'run']);
    expect(runsPosted()).toHaveLength(1);
  });

  it('a run waiting for a worker ends when the frame cannot start one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last } = setup({ autoReady: false });
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    last().send({ type: 'fault', message: 'Could not start a sandbox worker: x' });
    expect(await handle.outcome).toEqual({
      status: 'crashed',
      durationMs: 0,
      message: 'Could not start a sandbox worker: x',
    });
  });
});
