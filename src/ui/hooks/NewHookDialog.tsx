import { useId, useLayoutEffect, useRef, useState } from 'react';
import { PointIdSchema, type PointId } from '../../core/schemas';
import { appStore } from '../../store';
import { selectHook } from '../../store/selectors';
import { hookNameProblem, pointHookName } from '../../workspace/hookNames';
import { uniqueHookName } from '../../workspace/newHook';
import './hooks.css';
import { PointOptions } from './PointOptions';

export interface NewHookDialogProps {
  onClose(): void;
}

const takenNames = () => Object.values(appStore.getState().hooks).map((hook) => hook.name);
const autoName = (pointId: PointId) => uniqueHookName(pointHookName(pointId), takenNames());

/**
 * "New hook": the point and the name are chosen up front, so a new hook never silently
 * clones the selected hook's point. The name follows the point until the user types one.
 * It is mounted only while open (Escape and Cancel close it).
 */
export function NewHookDialog({ onClose }: NewHookDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const problemId = useId();
  const [pointId, setPointId] = useState<PointId>(() => selectHook(appStore.getState()).pointId);
  const [name, setName] = useState(() => autoName(pointId));
  const [named, setNamed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Mounted while open: modal from the first paint, so focus moves into it.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const create = () => {
    const refused = hookNameProblem(name.trim(), takenNames());
    if (refused !== null) {
      setProblem(refused);
      return;
    }
    appStore.getState().createHook(pointId, name);
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="dialog-title">
        New hook
      </h2>
      <form
        className="new-hook-form"
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <label className="dialog-field">
          Extensibility point
          <select
            value={pointId}
            onChange={(event) => {
              const point = PointIdSchema.parse(event.target.value);
              setPointId(point);
              if (!named) setName(autoName(point));
            }}
          >
            <PointOptions />
          </select>
        </label>
        <label className="dialog-field">
          Hook name
          <input
            type="text"
            value={name}
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? problemId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setNamed(true);
              setProblem(null);
            }}
          />
        </label>
        {problem !== null && (
          <p id={problemId} role="alert" className="field-note field-problem">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary">
            Create
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
