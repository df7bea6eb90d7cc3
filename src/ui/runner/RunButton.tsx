import { useAppStore } from '../../store';
import { selectIsRunning } from '../../store/selectors';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT_HINT = IS_MAC ? '⌘↵' : 'Ctrl+↵';

/**
 * Run, which turns into Cancel while a run is in flight. One element whose label and
 * action change, so keyboard focus simply stays on it: swapping two buttons removed the
 * focused one and focused the other on every run's start and end, and each of those focus
 * moves forced the page's style to be recomputed while the result was being shown.
 */
export function RunButton() {
  const running = useAppStore(selectIsRunning);
  const startRun = useAppStore((state) => state.startRun);
  const cancelRun = useAppStore((state) => state.cancelRun);

  return (
    <button
      type="button"
      className={running ? 'button button-cancel' : 'button button-primary'}
      onClick={running ? cancelRun : startRun}
      title={running ? 'Stop the running hook' : `Run the hook (${IS_MAC ? 'Cmd' : 'Ctrl'}+Enter)`}
      aria-keyshortcuts={running ? undefined : 'Control+Enter Meta+Enter'}
    >
      {running ? (
        'Cancel'
      ) : (
        <>
          Run
          <kbd className="shortcut" aria-hidden="true">
            {SHORTCUT_HINT}
          </kbd>
        </>
      )}
    </button>
  );
}
