import { describe, expect, it } from 'vitest';
import {
  formatVersionTime,
  isSaveShortcut,
  newestFirst,
  NO_MESSAGE,
  restoreNotice,
  RESTORED_KEPT_DRAFT_NOTICE,
  RESTORED_NOTICE,
  versionDateTime,
  versionMessageText,
} from './versionHistory';

const SAVED_AT = Date.UTC(2025, 2, 14, 9, 5, 7);
const key = (init: Partial<Parameters<typeof isSaveShortcut>[0]>) => ({
  key: 's',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...init,
});

describe('formatVersionTime', () => {
  it('shows the date and the time to the second, in the given locale and zone', () => {
    // 24-hour locales: ICU versions differ in the space they put before AM/PM.
    expect(formatVersionTime(SAVED_AT, { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '14 Mar 2025, 09:05:07',
    );
    expect(formatVersionTime(SAVED_AT, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe(
      '14.03.2025, 10:05:07',
    );
  });

  it('tells apart two saves in the same minute', () => {
    const options = { locale: 'en-GB', timeZone: 'UTC' };
    expect(formatVersionTime(SAVED_AT, options)).not.toBe(
      formatVersionTime(SAVED_AT + 2000, options),
    );
  });
});

describe('versionDateTime', () => {
  it('is the ISO instant', () => {
    expect(versionDateTime(SAVED_AT)).toBe('2025-03-14T09:05:07.000Z');
  });
});

describe('versionMessageText', () => {
  it('is the message, or "No message" when there is none', () => {
    expect(versionMessageText('Use the CRM plan')).toBe('Use the CRM plan');
    expect(versionMessageText('  padded  ')).toBe('padded');
    expect(versionMessageText('')).toBe(NO_MESSAGE);
    expect(versionMessageText('   ')).toBe(NO_MESSAGE);
  });
});

describe('newestFirst', () => {
  it('reverses the stored (oldest first) order without changing it', () => {
    const stored = ['v1', 'v2', 'v3'];
    expect(newestFirst(stored)).toEqual(['v3', 'v2', 'v1']);
    expect(stored).toEqual(['v1', 'v2', 'v3']);
  });
});

describe('restoreNotice', () => {
  it('says when the unsaved draft was kept as a version', () => {
    expect(restoreNotice(true)).toBe(RESTORED_KEPT_DRAFT_NOTICE);
    expect(restoreNotice(false)).toBe(RESTORED_NOTICE);
  });
});

describe('isSaveShortcut', () => {
  it('is Ctrl+S or Cmd+S', () => {
    expect(isSaveShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key({ metaKey: true }))).toBe(true);
    expect(isSaveShortcut(key({ ctrlKey: true, key: 'S' }))).toBe(true);
  });

  it('follows the physical key on other layouts', () => {
    expect(isSaveShortcut(key({ ctrlKey: true, key: 'ы', code: 'KeyS' }))).toBe(true);
  });

  it('is not S alone, nor with Shift or Alt, nor another key', () => {
    expect(isSaveShortcut(key({}))).toBe(false);
    expect(isSaveShortcut(key({ ctrlKey: true, shiftKey: true, key: 'S' }))).toBe(false);
    expect(isSaveShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSaveShortcut(key({ ctrlKey: true, key: 'd', code: 'KeyD' }))).toBe(false);
  });
});
