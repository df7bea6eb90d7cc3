import { useId } from 'react';
import { appStore, useAppStore } from '../../store';
import { selectHook, selectHookId } from '../../store/selectors';
import './network.css';

/**
 * Whether requests no mock answers go out for real. Off by default: then they fail like a
 * refused connection and nothing leaves the browser.
 */
export function NetworkSwitch() {
  const hookId = useAppStore(selectHookId);
  const on = useAppStore((state) => selectHook(state).draft.network.allowNetwork);
  const noteId = useId();
  return (
    <div className="network-switch">
      <label className="switch-label">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-checked={on}
          aria-describedby={noteId}
          onChange={(event) => appStore.getState().setAllowNetwork(hookId, event.target.checked)}
        />
        Allow network
      </label>
      <span id={noteId} className={on ? 'field-note field-note-warn' : 'field-note'}>
        {on
          ? 'On: requests no mock matches really leave the browser (CORS applies).'
          : 'Off: requests no mock matches are refused; when on, they really leave the browser (CORS applies).'}
      </span>
    </div>
  );
}
