/**
 * Words and small rules of the saved-versions UI (History, Save version, compare). Pure:
 * no DOM, no store, so they are unit tested in Node.
 */

export const SAVED_NOTICE = 'Version saved';
export const RESTORED_NOTICE = 'Version restored';
export const RESTORED_KEPT_DRAFT_NOTICE =
  'Version restored — the previous draft was kept in History';
export const EMPTY_HISTORY_TEXT =
  'No saved versions yet. Save version (Ctrl+S) records the draft; running never changes a version.';
export const NO_MESSAGE = 'No message';

export interface VersionTimeOptions {
  /** BCP 47 locale; the browser's when omitted. */
  locale?: string;
  /** IANA zone; the browser's when omitted. */
  timeZone?: string;
}

/** A version's save time in the user's words, to the second (two saves a minute apart differ). */
export function formatVersionTime(savedAt: number, options: VersionTimeOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  }).format(savedAt);
}

/** The machine-readable time for `<time dateTime>`. */
export const versionDateTime = (savedAt: number): string => new Date(savedAt).toISOString();

/** What a version's list entry says about it. */
export function versionMessageText(message: string): string {
  const trimmed = message.trim();
  return trimmed === '' ? NO_MESSAGE : trimmed;
}

/** Versions are stored oldest first; History lists them newest first. */
export function newestFirst<T>(versions: readonly T[]): T[] {
  return [...versions].reverse();
}

/** The status after a restore: whether the unsaved draft was first kept as a version. */
export const restoreNotice = (keptDraft: boolean): string =>
  keptDraft ? RESTORED_KEPT_DRAFT_NOTICE : RESTORED_NOTICE;

export interface ShortcutKey {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Ctrl+S (Cmd+S on macOS): the browser's "Save page" keystroke, which Save version takes
 * over. `code` covers keyboard layouts whose S key types another letter.
 */
export function isSaveShortcut(event: ShortcutKey): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key.toLowerCase() === 's' || event.code === 'KeyS';
}
