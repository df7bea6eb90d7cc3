import { useId, useState } from 'react';
import { appStore } from '../../store';
import type { HookRecord } from '../../workspace/hookRecord';
import './hooks.css';

export interface RenameHookFormProps {
  hook: HookRecord;
  onDone(): void;
}

/** Inline rename: Enter saves (if the platform's name rule allows it), Escape cancels. */
export function RenameHookForm({ hook, onDone }: RenameHookFormProps) {
  const [name, setName] = useState(hook.name);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const save = () => {
    const refused = appStore.getState().renameHook(hook.id, name);
    if (refused === null) onDone();
    else setProblem(refused);
  };
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <input
        className="text-input"
        aria-label="Hook name"
        value={name}
        autoFocus
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onDone();
          }
        }}
      />
      <div className="hook-action-buttons">
        <button type="submit" className="button button-small">
          Save name
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="field-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
