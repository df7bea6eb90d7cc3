import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOutcome } from '../core/schemas';
import { createRunnerPool, runnerPoolSize } from './createRunnerPool';
import type { RunHandle, RunOptions, Runner } from './runner';
import { peek, request, setup } from './runnerSetup.testSupport';

interface InnerRun {
  runner: number;
  code: string;
  handedAt: number;
  cancelled: boolean;
  settle(outcome: RunOutcome): void;
  finish(): void;
}

/**
 * Runners that behave like createRunner where it matters here: one run at a time, and a new
 * run cancels the one in flight (counted in `overlaps`, which the pool must never cause).
 */
function fakeRunners() {
  const runs: InnerRun[] = [];
  const disposed: number[] = [];
  let overlaps = 0;
  let made = 0;
  const create = (): Runner => {
    const index = made++;
    let current: InnerRun | null = null;
    return {
      run(req, options: RunOptions): RunHandle {
        if (current) {
          overlaps += 1;
          current.settle({ status: 'cancelled', durationMs: 0 });
          current.finish();
        }
        let settle!: (outcome: RunOutcome) => void;
        let finish!: () => void;
        const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
        const done = new Promise<void>((resolve) => (finish = resolve));
        const run: InnerRun = {
          runner: index,
          code: req.code,
          handedAt: Date.now(),
          cancelled: false,
          settle,
          finish: () => {
            if (current === run) current = null;
            finish();
          },
        };
        current = run;
        runs.push(run);
        options.onStart?.();
        return {
          outcome,
          done,
          cancel: () => {
            run.cancelled = true;
            settle({ status: 'cancelled', durationMs: 0 });
            run.finish();
          },
        };
      },
      dispose: () => void disposed.push(index),
    };
  };
  return { create, runs, disposed, overlaps: () => overlaps, made: () => made };
}

const options = (extra: Partial<RunOptions> = {}): RunOptions => ({
  timeoutMs: 1000,
  onLog: () => {},
  ...extra,
});
const req = (code: string) => ({ ...request, code });
const succeeded: RunOutcome = { status: 'succeeded', durationMs: 1 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createRunnerPool', () => {
  it('runs up to `size` runs at once, each on a runner of its own; the others wait', () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 2, create: fakes.create });
    for (const code of ['a', 'b', 'c', 'd']) pool.run(req(code), options());
    expect(fakes.runs.map((r) => [r.code, r.runner])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(fakes.made()).toBe(2);
  });

  it('starts the next run on another runner while a run that has called back is in its grace period', async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 1, create: fakes.create });
    const first = pool.run(req('a'), options());
    for (const code of ['b', 'c', 'd']) pool.run(req(code), options());
    expect(fakes.runs.map((r) => r.code)).toEqual(['a']);
    fakes.runs[0]!.settle(succeeded);
    expect(await first.outcome).toEqual(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    // 'a' may still report late console lines on runner 0: 'b' goes to a new runner.
    expect(fakes.runs.map((r) => [r.code, r.runner])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    fakes.runs[1]!.settle(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.runs.map((r) => [r.code, r.runner]).at(-1)).toEqual(['c', 2]);
    // Three runners exist (`size` + 2), all in a run: 'd' waits for one to be done.
    fakes.runs[2]!.settle(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.runs).toHaveLength(3);
    fakes.runs[1]!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.runs.map((r) => [r.code, r.runner]).at(-1)).toEqual(['d', 1]);
    expect(fakes.made()).toBe(3);
    expect(fakes.overlaps()).toBe(0);
  });

  it('never has more than `size` runs working at once, however many runners are free', async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 2, maxRunners: 6, create: fakes.create });
    for (const code of ['a', 'b', 'c', 'd', 'e']) pool.run(req(code), options());
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.runs.map((r) => r.code)).toEqual(['a', 'b']);
    fakes.runs[1]!.settle(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.runs.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    fakes.runs[0]!.settle(succeeded);
    fakes.runs[2]!.settle(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.runs.map((r) => [r.code, r.runner])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
  });

  it('with as many runners as `size`, a waiting run waits for a grace period to end', async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 1, maxRunners: 1, create: fakes.create });
    const first = pool.run(req('a'), options());
    pool.run(req('b'), options());
    fakes.runs[0]!.settle(succeeded);
    expect(await first.outcome).toEqual(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    // The first run may still report late console lines: its runner is not free yet.
    expect(fakes.runs).toHaveLength(1);
    fakes.runs[0]!.finish();
    await vi.runAllTimersAsync();
    expect(fakes.runs.map((r) => [r.code, r.runner])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(fakes.overlaps()).toBe(0);
  });

  it("starts a waiting run's timeout and calls onStart only when it is handed over", async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 1, create: fakes.create });
    const started: string[] = [];
    pool.run(req('a'), options({ onStart: () => started.push('a') }));
    pool.run(req('b'), options({ onStart: () => started.push('b') }));
    expect(started).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(800);
    fakes.runs[0]!.settle(succeeded);
    fakes.runs[0]!.finish();
    await vi.runAllTimersAsync();
    expect(started).toEqual(['a', 'b']);
    expect(fakes.runs[1]!.handedAt - fakes.runs[0]!.handedAt).toBe(800);
  });

  it('cancels a waiting run without any runner seeing it, and a running one through its runner', async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 1, create: fakes.create });
    const running = pool.run(req('a'), options());
    const waiting = pool.run(req('b'), options());
    const next = pool.run(req('c'), options());
    waiting.cancel();
    expect(await waiting.outcome).toEqual({ status: 'cancelled', durationMs: 0 });
    expect(await peek(waiting.done)).toBeUndefined();
    running.cancel();
    expect(fakes.runs[0]!.cancelled).toBe(true);
    expect((await running.outcome).status).toBe('cancelled');
    await vi.runAllTimersAsync();
    expect(fakes.runs.map((r) => r.code)).toEqual(['a', 'c']);
    expect(await peek(next.outcome)).toBe('pending');
  });

  it('passes each run the outcome and the end of its own runner', async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 2, create: fakes.create });
    const a = pool.run(req('a'), options());
    const b = pool.run(req('b'), options());
    fakes.runs[1]!.settle({ status: 'timed-out', durationMs: 1000, hint: 'h' });
    fakes.runs[1]!.finish();
    expect((await b.outcome).status).toBe('timed-out');
    expect(await peek(b.done)).toBeUndefined();
    expect(await peek(a.outcome)).toBe('pending');
  });

  it('ends a run as crashed when its sandbox cannot be made or refuses it, and goes on', async () => {
    let calls = 0;
    const fakes = fakeRunners();
    const pool = createRunnerPool({
      size: 1,
      create: () => {
        calls += 1;
        if (calls === 1) throw new Error('no iframe');
        return fakes.create();
      },
    });
    const first = pool.run(req('a'), options());
    expect(await first.outcome).toEqual({
      status: 'crashed',
      durationMs: 0,
      message: 'Sandbox could not start: no iframe',
    });
    const second = pool.run(req('b'), options());
    expect(fakes.runs.map((r) => r.code)).toEqual(['b']);
    fakes.runs[0]!.settle(succeeded);
    expect(await second.outcome).toEqual(succeeded);
  });

  it('dispose disposes every runner and cancels the waiting runs', async () => {
    const fakes = fakeRunners();
    const pool = createRunnerPool({ size: 2, create: fakes.create });
    for (const code of ['a', 'b']) pool.run(req(code), options());
    const waiting = pool.run(req('c'), options());
    pool.dispose();
    expect(fakes.disposed).toEqual([0, 1]);
    expect((await waiting.outcome).status).toBe('cancelled');
    expect(() => pool.run(req('d'), options())).toThrow(/disposed/);
  });
});

describe('createRunnerPool with sandbox runners', () => {
  it('gives each run in flight its own sandbox frame, and the next run the first frame to finish', async () => {
    const sandboxes = [setup(), setup()];
    let made = 0;
    const pool = createRunnerPool({
      size: 2,
      maxRunners: 2,
      create: () => sandboxes[made++]!.runner,
    });
    const first = pool.run(req('a'), options());
    pool.run(req('b'), options());
    pool.run(req('c'), options());
    const posted = () => sandboxes.map((s) => s.runsPosted().map((m) => m.request.code));
    expect(posted()).toEqual([['a'], ['b']]);

    const [sandbox] = sandboxes;
    const runId = sandbox!.runsPosted()[0]!.runId;
    sandbox!
      .last()
      .send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 2 } });
    expect((await first.outcome).status).toBe('succeeded');
    expect(posted()).toEqual([['a'], ['b']]);
    sandbox!.last().send({ type: 'finished', runId });
    await vi.advanceTimersByTimeAsync(0);
    expect(posted()).toEqual([['a', 'c'], ['b']]);
    // Nothing was cancelled to make room.
    expect(sandboxes.flatMap((s) => s.kills())).toEqual([]);
  });
});

describe('createRunnerPool with sandbox runners, past a callback', () => {
  it("runs the next test in a new frame while a settled run's frame is in its grace period", async () => {
    const sandboxes = [setup(), setup()];
    let made = 0;
    const pool = createRunnerPool({ size: 1, create: () => sandboxes[made++]!.runner });
    const first = pool.run(req('a'), options());
    const second = pool.run(req('b'), options());
    const posted = () => sandboxes.map((s) => s.runsPosted().map((m) => m.request.code));
    expect(posted()).toEqual([['a'], []]);
    const [sandbox, other] = sandboxes;
    sandbox!.last().send({
      type: 'settled',
      runId: sandbox!.runsPosted()[0]!.runId,
      outcome: succeeded,
    });
    expect(await first.outcome).toEqual(succeeded);
    await vi.advanceTimersByTimeAsync(0);
    other!.last().send({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(0);
    expect(posted()).toEqual([['a'], ['b']]);
    other!.last().send({
      type: 'settled',
      runId: other!.runsPosted()[0]!.runId,
      outcome: succeeded,
    });
    expect(await second.outcome).toEqual(succeeded);
    // The first run's grace period was not cut short to make room.
    expect(sandboxes.flatMap((s) => s.kills())).toEqual([]);
  });
});

describe('a crashed sandbox in the pool', () => {
  it('ends only its own run; the waiting run goes to the rebuilt sandbox and runs', async () => {
    const sandbox = setup();
    const pool = createRunnerPool({ size: 1, create: () => sandbox.runner });
    const doomed = pool.run(req('a'), options({ timeoutMs: 60_000 }));
    const next = pool.run(req('b'), options({ timeoutMs: 60_000 }));
    // The sandbox never answers a ping: its renderer is gone.
    await vi.advanceTimersByTimeAsync(2000);
    expect(await doomed.outcome).toMatchObject({ status: 'crashed' });
    expect(sandbox.frames).toHaveLength(2);
    sandbox.last().send({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(0);
    const [posted] = sandbox.runsPosted();
    expect(posted?.request.code).toBe('b');
    sandbox.last().send({ type: 'settled', runId: posted!.runId, outcome: succeeded });
    expect(await next.outcome).toEqual(succeeded);
  });
});

describe('runnerPoolSize', () => {
  it("is the device's cores, from 2 to 4", () => {
    expect([undefined, 1, 2, 3, 4, 16].map(runnerPoolSize)).toEqual([2, 2, 2, 3, 4, 4]);
  });
});
