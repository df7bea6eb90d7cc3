import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store';
import { hasUnsavedChanges } from '../../workspace/draft/sameDraft';
import { useSaveVersionShortcut } from './useSaveVersionShortcut';
import { saveVersionNow } from './versionActions';
import './history.css';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT_HINT = IS_MAC ? '⌘S' : 'Ctrl+S';

export interface SaveVersionFormProps {
  hookId: string;
}

/**
 * "Save version" (also Ctrl+S / Cmd+S anywhere, editors included) asks for an optional
 * message in a small inline form, then records the draft as a version. Focus goes back
 * where it was (the editor, typically) once the form closes.
 */
export function SaveVersionForm({ hookId }: SaveVersionFormProps) {
  const dirty = useAppStore((state) => {
    const hook = state.hooks[hookId];
    return hook ? hasUnsavedChanges(hook) : false;
  });
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const formId = useId();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** What had focus when the form opened; it gets it back when the form closes. */
  const returnFocus = useRef<HTMLElement | null>(null);
  /** Counts closings, so focus moves after the form has left the page. */
  const [closings, setClosings] = useState(0);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (closings === 0) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected && target !== document.body) target.focus();
    else buttonRef.current?.focus();
  }, [closings]);

  const openForm = () => {
    if (open) {
      inputRef.current?.focus();
      inputRef.current?.select();
      return;
    }
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement ? active : null;
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    setMessage('');
    setClosings((count) => count + 1);
  };

  const save = () => {
    saveVersionNow(hookId, message);
    close();
  };

  useSaveVersionShortcut(() => {
    // A second Ctrl+S in the open form saves; elsewhere it brings the form back into focus.
    if (open && formRef.current?.contains(document.activeElement)) save();
    else openForm();
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  return (
    <div className="save-version">
      <div className="save-version-bar">
        <button
          ref={buttonRef}
          type="button"
          className="button button-small"
          onClick={openForm}
          aria-expanded={open}
          aria-controls={open ? formId : undefined}
          aria-keyshortcuts="Control+S Meta+S"
          title={`Record the draft as a version (${IS_MAC ? 'Cmd' : 'Ctrl'}+S)`}
        >
          Save version
        </button>
        <kbd className="shortcut" aria-hidden="true">
          {SHORTCUT_HINT}
        </kbd>
        {dirty && (
          <span className="unsaved-indicator" title="The draft differs from the last version">
            Unsaved changes
          </span>
        )}
      </div>
      {open && (
        <form
          ref={formRef}
          id={formId}
          className="save-version-form"
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
        >
          <label htmlFor={inputId} className="save-version-label">
            Version message
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            className="save-version-input"
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            placeholder="Optional, e.g. “Use the CRM plan”"
            autoComplete="off"
            spellCheck
          />
          <div className="save-version-actions">
            <button type="submit" className="button button-small button-save">
              Save
            </button>
            <button type="button" className="button button-small" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
