import { useId, useMemo, useRef, useState } from 'react';
import { getPoint } from '../../core/points';
import { appStore, useAppStore } from '../../store';
import { hasUnsavedChanges } from '../../workspace/draft/sameDraft';
import { selectHook } from '../../store/selectors';
import type { HookRecord } from '../../workspace/hookRecord';
import { HookSettings } from './HookSettings';
import { RenameHookForm } from './RenameHookForm';
import './hooks.css';
import { NewHookDialog, preloadNewHookDialog } from './lazyNewHookDialog';

/** The "New hook" button's id: the welcome hands the focus to it when it goes. */
export const NEW_HOOK_BUTTON_ID = 'new-hook-button';

/** Case-insensitive match on the name or the point's label. */
export function filterHooks(hooks: readonly HookRecord[], filter: string): HookRecord[] {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...hooks];
  return hooks.filter((hook) => {
    const text = `${hook.name} ${getPoint(hook.pointId).label} ${hook.pointId}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/**
 * The workspace's hooks: select one to edit it, and create, rename, duplicate, delete
 * (with Undo) hooks, and set the selected hook's point and enabled flag. The selected hook is
 * what the editors and Run work on.
 */
export function HooksNav() {
  const hooks = useAppStore((state) => state.hooks);
  const order = useAppStore((state) => state.hookOrder);
  const selected = useAppStore(selectHook);
  const selectHookAction = useAppStore((state) => state.selectHook);
  const [filter, setFilter] = useState('');
  const [renaming, setRenaming] = useState(false);
  const [creating, setCreating] = useState(false);
  const listId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);

  const ordered = useMemo(
    () => order.map((id) => hooks[id]).filter((hook): hook is HookRecord => hook !== undefined),
    [hooks, order],
  );
  const shown = useMemo(() => filterHooks(ordered, filter), [ordered, filter]);

  const state = () => appStore.getState();
  return (
    <>
      {creating && <NewHookDialog onClose={() => setCreating(false)} />}
      <nav className="hooks-nav" aria-label="Hooks">
        <div className="sidebar-head">
          <h2 className="sidebar-title">Hooks</h2>
          <button
            id={NEW_HOOK_BUTTON_ID}
            type="button"
            className="button button-small"
            onClick={() => {
              setCreating(true);
              setRenaming(false);
            }}
            onPointerEnter={preloadNewHookDialog}
            onFocus={preloadNewHookDialog}
            title="A new hook: choose its extensibility point and name"
          >
            New hook
          </button>
        </div>
        <input
          type="search"
          className="hooks-filter"
          aria-label="Filter hooks"
          aria-controls={listId}
          placeholder="Filter hooks"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <ul className="hooks-list" id={listId}>
          {shown.map((hook, index) => (
            <li key={hook.id}>
              {/* Named by its visible name alone; the point and state are its description. */}
              <button
                type="button"
                className="hook-item"
                aria-current={hook.id === selected.id ? 'true' : undefined}
                aria-describedby={`${listId}-${index}`}
                onClick={() => {
                  selectHookAction(hook.id);
                  setRenaming(false);
                }}
              >
                <span className="hook-item-name">
                  {hook.name}
                  {hasUnsavedChanges(hook) && (
                    <span
                      className="dirty-dot"
                      title="Unsaved changes since the last version"
                      aria-hidden="true"
                    />
                  )}
                </span>
                <span className="hook-item-meta" id={`${listId}-${index}`} aria-hidden="true">
                  {getPoint(hook.pointId).label}
                  {hook.enabled && <span className="hook-enabled"> · enabled</span>}
                  {hasUnsavedChanges(hook) && (
                    <span className="visually-hidden"> · unsaved changes</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p className="field-note">No hook matches “{filter}”.</p>}
        <div className="hook-actions" aria-label={`Selected hook: ${selected.name}`} role="group">
          {renaming ? (
            <RenameHookForm
              hook={selected}
              onDone={() => {
                setRenaming(false);
                requestAnimationFrame(() => renameButton.current?.focus());
              }}
            />
          ) : (
            <div className="hook-action-buttons">
              <button
                ref={renameButton}
                type="button"
                className="button button-small"
                onClick={() => setRenaming(true)}
              >
                Rename
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => state().duplicateHook(selected.id)}
              >
                Duplicate
              </button>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => state().deleteHook(selected.id)}
              >
                Delete
              </button>
            </div>
          )}
          <HookSettings hook={selected} />
        </div>
      </nav>
    </>
  );
}
