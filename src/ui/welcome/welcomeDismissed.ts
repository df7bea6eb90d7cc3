/** The welcome's dismissal is this browser's choice, kept beside (not in) the workspace. */
const KEY = 'hookpad:welcome-dismissed';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some browsers throw on merely reading localStorage when storage is blocked.
    return null;
  }
}

export function welcomeDismissed(): boolean {
  try {
    return storage()?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers the dismissal; where storage is blocked it lasts for this page only. */
export function rememberWelcomeDismissed(): void {
  try {
    storage()?.setItem(KEY, '1');
  } catch {
    // Nothing to do: the welcome stays hidden until the next load.
  }
}
