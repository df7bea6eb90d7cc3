import { useEffect } from 'react';
import { appStore } from '../../store';

/**
 * Ctrl+Enter (Cmd+Enter on macOS) anywhere on the page runs the hook. Inside an editor
 * Monaco handles the keystroke itself and marks it handled (defaultPrevented).
 */
export function useRunShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      if (event.defaultPrevented || event.repeat || event.altKey || event.shiftKey) return;
      event.preventDefault();
      appStore.getState().startRun();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
