import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  STANDBY_DELAY_MS,
  createWorkerLifecycle,
  type SandboxWorker,
} from './createWorkerLifecycle';
import type { FrameToHost, FrameToWorker } from './protocol';

interface FakeWorker extends SandboxWorker {
  received: FrameToWorker[];
  terminated: boolean;
  fail(message: string): void;
}

const lateModules = { acorn: new Blob(['module.exports = {};']) };

function setup(options: { failToStart?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const toHost: FrameToHost[] = [];
  const lifecycle = createWorkerLifecycle({
    lateModules,
    createWorker() {
      if (options.failToStart) throw new Error('blocked');
      let onError: ((event: ErrorEvent) => void) | undefined;
      const worker: FakeWorker = {
        received: [],
        terminated: false,
        postMessage: (message) => worker.received.push(message),
        terminate: () => (worker.terminated = true),
        addEventListener: (_type, listener) => (onError = listener),
        fail: (message) => onError?.({ message, preventDefault() {} } as unknown as ErrorEvent),
      };
      workers.push(worker);
      return worker;
    },
    toHost: (message) => toHost.push(message),
  });
  const standbys = () => toHost.filter((m) => m.type === 'standby');
  return { lifecycle, workers, toHost, standbys };
}

const ports: MessagePort[] = [];
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  for (const port of ports.splice(0)) port.close();
});

describe('createWorkerLifecycle', () => {
  it('offers a standby at once: one end of a channel to the worker, the other to the host', () => {
    const { workers, standbys } = setup();
    expect(workers).toHaveLength(1);
    const [connect] = workers[0]!.received;
    const [standby] = standbys();
    expect(connect?.type).toBe('connect');
    expect(connect?.port).toBeInstanceOf(MessagePort);
    // The late modules' scripts go with the port: the frame's handles, not copies.
    expect(connect?.lateModules).toBe(lateModules);
    expect(standby).toMatchObject({ type: 'standby', workerId: 1 });
    if (standby?.type !== 'standby') throw new Error('no standby');
    expect(standby.port).toBeInstanceOf(MessagePort);
    expect(standby.port).not.toBe(connect?.port);
    ports.push(standby.port, connect!.port);
  });

  it('starts the next standby shortly after the run settles, not while it runs', () => {
    const { lifecycle, workers, standbys } = setup();
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(1); // the host has the standby; no second one meanwhile
    lifecycle.release(1);
    vi.advanceTimersByTime(STANDBY_DELAY_MS - 1);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(standbys().map((m) => m.type === 'standby' && m.workerId)).toEqual([1, 2]);
    // The settled run's worker keeps running its grace period.
    expect(workers[0]?.terminated).toBe(false);
  });

  it('kill terminates the worker and starts a standby at once; older workers are let go', () => {
    const { lifecycle, workers } = setup();
    lifecycle.release(1);
    vi.advanceTimersByTime(STANDBY_DELAY_MS);
    lifecycle.kill(2);
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
    vi.advanceTimersByTime(0);
    expect(workers).toHaveLength(3);
    expect(workers[2]?.terminated).toBe(false);
  });

  it('spawn starts a standby now unless one is on offer', () => {
    const { lifecycle, workers } = setup();
    lifecycle.spawn();
    expect(workers).toHaveLength(1);
    lifecycle.release(1);
    lifecycle.spawn(); // the host's run cannot wait for the delay
    expect(workers).toHaveLength(2);
    vi.advanceTimersByTime(STANDBY_DELAY_MS);
    expect(workers).toHaveLength(2);
  });

  it('a broken worker is thrown away and reported by its id; no new one is started for it', () => {
    const { workers, toHost } = setup();
    workers[0]!.fail('script error');
    expect(workers[0]?.terminated).toBe(true);
    expect(toHost.at(-1)).toEqual({
      type: 'fault',
      workerId: 1,
      message: 'Sandbox worker failed: script error',
    });
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(1);
  });

  it('reports a worker that cannot be created', () => {
    const { toHost } = setup({ failToStart: true });
    expect(toHost).toEqual([
      { type: 'fault', message: 'Could not start a sandbox worker: Error: blocked' },
    ]);
  });
});
