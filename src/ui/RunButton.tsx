import { useLayoutEffect, useRef, type FocusEvent } from 'react';
import { useAppStore } from '../store';
import { selectIsRunning } from '../store/selectors';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT_HINT = IS_MAC ? '⌘↵' : 'Ctrl+↵';

/** Run, which turns into Cancel while a run is in flight. */
export function RunButton() {
  const running = useAppStore(selectIsRunning);
  const startRun = useAppStore((state) => state.startRun);
  const cancelRun = useAppStore((state) => state.cancelRun);
  const button = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(false);

  // Run and Cancel are different buttons; keep keyboard focus on whichever replaced the
  // one the user had focused.
  useLayoutEffect(() => {
    if (hadFocus.current && document.activeElement === document.body) button.current?.focus();
  }, [running]);

  const trackFocus = {
    onFocus: () => {
      hadFocus.current = true;
    },
    // A button removed while focused blurs without a next target; moving on has one.
    onBlur: (event: FocusEvent) => {
      hadFocus.current = event.relatedTarget === null;
    },
  };

  return running ? (
    <button
      key="cancel"
      ref={button}
      type="button"
      className="button button-cancel"
      onClick={cancelRun}
      title="Stop the running hook"
      {...trackFocus}
    >
      Cancel
    </button>
  ) : (
    <button
      key="run"
      ref={button}
      type="button"
      className="button button-primary"
      onClick={startRun}
      title={`Run the hook (${IS_MAC ? 'Cmd' : 'Ctrl'}+Enter)`}
      aria-keyshortcuts="Control+Enter Meta+Enter"
      {...trackFocus}
    >
      Run
      <kbd className="shortcut" aria-hidden="true">
        {SHORTCUT_HINT}
      </kbd>
    </button>
  );
}
