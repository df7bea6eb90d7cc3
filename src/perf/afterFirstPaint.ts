/**
 * How long to wait for a frame at most. A page opened in the background gets no animation
 * frames until it is shown; the app must start anyway.
 */
export const FIRST_PAINT_FALLBACK_MS = 100;

/**
 * Resolves once the browser has painted a frame (or after the fallback, whichever is first).
 * A task queued from an animation frame callback runs after that frame's paint, so work
 * started then cannot hold back the first contentful paint of index.html's shell.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_PAINT_FALLBACK_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
