/**
 * The app's code could not be loaded or started (a chunk failed to download: offline before
 * the first visit finished, or the server went away). The shell painted by index.html would
 * otherwise say "Loading…" forever; this says what happened and what to do.
 */
export function showStartFailure(root: HTMLElement, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = 'start-failure';
  const title = document.createElement('p');
  title.textContent = 'Hookpad could not start.';
  const detail = document.createElement('p');
  detail.textContent = `${reason} Check the connection and reload the page to try again; your hooks are kept in this browser.`;
  alert.append(title, detail);
  root.replaceChildren(alert);
  console.error(error);
}
