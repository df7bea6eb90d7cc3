import { useId, useLayoutEffect, useRef, useState } from 'react';
import {
  availableParts,
  expectationsFromRun,
  type SavedPart,
} from '../../core/testCases/expectationsFromRun';
import { appStore } from '../../store';
import { savableRunOf } from '../../store/savableRun';
import { DEFAULT_SAVED_PARTS, SAVED_PART_LABELS } from './savedPartLabels';
import { nextTestName } from './testNames';
import { setTestsOpen } from './testsOpen';

export interface SaveAsTestDialogProps {
  onClose(): void;
}

/**
 * "Save as test": the last run's inputs and the chosen parts of what it gave become a test
 * of its hook (a snapshot the user may loosen with Edit). The run is read once, when the
 * dialog opens, so a run finishing meanwhile does not change what is saved.
 */
export function SaveAsTestDialog({ onClose }: SaveAsTestDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const problemId = useId();
  const [savable] = useState(() => savableRunOf(appStore.getState()));
  const [parts] = useState(() => (savable ? availableParts(savable.run) : []));
  const [chosen, setChosen] = useState<ReadonlySet<SavedPart>>(
    () => new Set(parts.filter((part) => DEFAULT_SAVED_PARTS.includes(part))),
  );
  const [name, setName] = useState(() =>
    nextTestName(
      (savable && appStore.getState().hooks[savable.hookId]?.tests.map((t) => t.name)) || [],
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const save = () => {
    if (!savable) return;
    if (name.trim() === '') {
      setProblem('A test needs a name.');
      return;
    }
    const { hookId, run, payloadText, overrides } = savable;
    try {
      appStore.getState().saveTest(hookId, {
        name: name.trim(),
        payloadText,
        ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
        expectations: expectationsFromRun(run, chosen),
      });
    } catch (error) {
      // The store refuses a test it could not read back; the dialog stays, saying why.
      setProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    setTestsOpen(true);
    onClose();
  };

  const toggle = (part: SavedPart, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(part);
    else next.delete(part);
    setChosen(next);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="dialog-title">
        Save as test
      </h2>
      <form
        className="test-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label className="test-field">
          Test name
          <input
            type="text"
            value={name}
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? problemId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem !== null && (
          <p id={problemId} role="alert" className="field-note field-note-problem">
            {problem}
          </p>
        )}
        {savable === null ? (
          <p className="empty">There is no finished run of this hook to save.</p>
        ) : (
          <fieldset className="test-parts">
            <legend>Expect the same</legend>
            {parts.map((part) => (
              <label key={part} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(part)}
                  onChange={(event) => toggle(part, event.target.checked)}
                />
                {SAVED_PART_LABELS[part]}
              </label>
            ))}
          </fieldset>
        )}
        <p className="field-note">
          The payload and this run’s secrets, mocks and storage are saved with the test.
        </p>
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={savable === null}>
            Save test
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
