/**
 * Resolves once the app's full style sheets apply. The build inlines the rules index.html's
 * shell needs and links the full sheets with `media="print"` until they have loaded (see
 * vite.config.ts, inlineShellStyles), so the shell paints without waiting for them. The app
 * must not replace the shell before they apply, or it would be drawn unstyled for a moment.
 * A sheet that cannot load does not hold the app back: the app's own chunks report a network
 * failure better than a blank page would.
 */
export function stylesApplied(doc: Document = document): Promise<void> {
  const deferred = [
    ...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][media="print"]'),
  ];
  return Promise.all(
    deferred.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  ).then(() => undefined);
}
