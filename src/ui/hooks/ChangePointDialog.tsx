import { useId, useLayoutEffect, useRef } from 'react';
import { getPoint } from '../../core/points';
import type { PointId } from '../../core/schemas';
import type { SignatureMismatch } from '../../workspace/signatureFits';
import './hooks.css';

export interface ChangePointDialogProps {
  hookName: string;
  pointId: PointId;
  mismatch: SignatureMismatch;
  onChange(): void;
  onCancel(): void;
}

const list = (params: readonly string[]) => `(${params.join(', ')})`;

/**
 * Asked before moving a hook whose code does not take what the new point passes: the
 * platform would hand the arguments by position, so the callback would land elsewhere.
 * Mounted only while asking; Escape cancels.
 */
export function ChangePointDialog({
  hookName,
  pointId,
  mismatch,
  onChange,
  onCancel,
}: ChangePointDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Closing (rather than unmounting) the dialog gives the focus back to the picker.
  const chosen = useRef(false);
  const close = (change: boolean) => {
    chosen.current = change;
    dialog.current?.close();
  };
  const titleId = useId();
  const textId = useId();
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const label = getPoint(pointId).label;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onClose={() => (chosen.current ? onChange() : onCancel())}
    >
      <h2 id={titleId} className="dialog-title">
        Change extensibility point?
      </h2>
      <p id={textId}>
        The code of “{hookName}” exports a function taking <code>{list(mismatch.codeParams)}</code>,
        but {label} passes <code>{list(mismatch.pointParams)}</code>. The code stays as it is: it
        will need changing to run on {label}.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={() => close(true)}>
          Change point
        </button>
        <button
          type="button"
          className="button button-quiet"
          autoFocus
          onClick={() => close(false)}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}
