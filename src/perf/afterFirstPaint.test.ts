import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, FIRST_PAINT_FALLBACK_MS } from './afterFirstPaint';

describe('afterFirstPaint', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frames.push(callback);
      return frames.length;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };

  it('waits for a frame, then for the task after it (the frame has painted by then)', async () => {
    const done = settled(afterFirstPaint());
    await vi.advanceTimersByTimeAsync(10);
    expect(done()).toBe(false);
    frames.shift()!(performance.now());
    expect(done()).toBe(false); // still inside the frame: its paint has not happened yet
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it('starts anyway when no frame comes (a page opened in the background)', async () => {
    const done = settled(afterFirstPaint());
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_FALLBACK_MS - 1);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });
});
