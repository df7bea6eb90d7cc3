import { useEffect, useRef } from 'react';
import { isSaveShortcut } from './versionHistory';

/**
 * Ctrl+S (Cmd+S on macOS) anywhere in the app, editors included, calls `onSave` instead of
 * opening the browser's "Save page" dialog. The listener is on the window in the capture
 * phase, so it sees the keystroke before Monaco (which handles keys on its own elements)
 * or any other element can. In one of the app's dialogs the keystroke is only kept from the
 * browser (the form would open behind the dialog).
 */
export function useSaveVersionShortcut(onSave: () => void): void {
  const latest = useRef(onSave);
  useEffect(() => {
    latest.current = onSave;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return;
      event.preventDefault();
      const inDialog = event.target instanceof Element && event.target.closest('dialog') !== null;
      if (!event.repeat && !inDialog) latest.current();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
