/**
 * Applies the app's full style sheets and resolves once they apply. The build inlines the
 * rules index.html's shell needs and only preloads the full sheets (`data-app-style`; see
 * vite.config.ts, inlineShellStyles), so the first paint waits for none of them; main.tsx
 * calls this once the shell has painted. The app must not replace the shell before they
 * apply, or it would be drawn unstyled for a moment. A sheet that cannot load does not hold
 * the app back: the app's own chunks report a network failure better than a blank page would.
 */
export function stylesApplied(doc: Document = document): Promise<void> {
  const deferred = [...doc.querySelectorAll<HTMLLinkElement>('link[data-app-style]')];
  return Promise.all(
    deferred.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
          link.removeAttribute('data-app-style');
          link.rel = 'stylesheet';
        }),
    ),
  ).then(() => undefined);
}
