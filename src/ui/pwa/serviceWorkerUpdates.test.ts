import { describe, expect, test, vi } from 'vitest';
import {
  serviceWorkerUpdates,
  type WorkerContainer,
  type WorkerRegistration,
} from './serviceWorkerUpdates';

class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  messages: unknown[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  /** A new build: found, installed, then waiting. */
  install(worker = new FakeWorker()) {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    this.waiting = worker;
    worker.become('installed');
    return worker;
  }
}

class FakeContainer extends EventTarget {
  constructor(public controller: FakeWorker | null) {
    super();
  }
  control(worker: FakeWorker) {
    this.controller = worker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}

function setup(controlled: boolean) {
  const registration = new FakeRegistration();
  const container = new FakeContainer(controlled ? new FakeWorker() : null);
  const source = serviceWorkerUpdates(
    registration as unknown as WorkerRegistration,
    container as unknown as WorkerContainer,
  );
  const waiting = vi.fn();
  const controlling = vi.fn();
  source.onWaiting(waiting);
  source.onControlling(controlling);
  return { registration, container, source, waiting, controlling };
}

describe('serviceWorkerUpdates', () => {
  test('a new build installed under a controlled page waits and is reported', () => {
    const { registration, waiting } = setup(true);
    registration.install();
    expect(waiting).toHaveBeenCalledTimes(1);
  });

  test('the first worker of a browser is no update: neither waiting nor its taking control', () => {
    const { registration, container, waiting, controlling } = setup(false);
    const first = registration.install();
    container.control(first);
    expect(waiting).not.toHaveBeenCalled();
    expect(controlling).not.toHaveBeenCalled();
  });

  test('after the first worker took control, the next build is an update', () => {
    const { registration, container, waiting, controlling } = setup(false);
    container.control(registration.install());
    registration.waiting = null;
    registration.install();
    expect(waiting).toHaveBeenCalledTimes(1);
    container.control(new FakeWorker());
    expect(controlling).toHaveBeenCalledTimes(1);
  });

  test('a worker already waiting when the page loads is reported at once', () => {
    const registration = new FakeRegistration();
    registration.waiting = new FakeWorker();
    const container = new FakeContainer(new FakeWorker());
    const source = serviceWorkerUpdates(
      registration as unknown as WorkerRegistration,
      container as unknown as WorkerContainer,
    );
    const waiting = vi.fn();
    source.onWaiting(waiting);
    expect(waiting).toHaveBeenCalledTimes(1);
  });

  test('skipWaiting sends the waiting worker the message that activates it', () => {
    const { registration, source } = setup(true);
    const worker = registration.install();
    expect(source.skipWaiting()).toBe(true);
    expect(worker.messages).toEqual([{ type: 'SKIP_WAITING' }]);
  });

  test('skipWaiting says so when no worker waits', () => {
    const { source } = setup(true);
    expect(source.skipWaiting()).toBe(false);
  });
});
