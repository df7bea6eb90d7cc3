import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import './share.css';

// The report's options, status and text (and the builder behind them) load on first use.
const report = lazyPart(() =>
  import('./ReproductionReport').then((module) => module.ReproductionReport),
);

/**
 * "Copy reproduction": opens the Reproduction dialog at once, which builds and copies a
 * Markdown report of the selected hook and its last run (ReproductionReport).
 */
export function ReproductionButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const close = useCallback(() => dialog.current?.close(), []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const onClose = () => setOpen(false);
    element.addEventListener('close', onClose);
    return () => element.removeEventListener('close', onClose);
  }, []);

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          report.preload();
          dialog.current?.showModal();
          setOpen(true);
        }}
        onPointerEnter={report.preload}
        onFocus={report.preload}
        title="Copy a Markdown report of this hook and its last run, with a link that reproduces the setup"
      >
        Copy reproduction
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId} className="dialog-title">
          Reproduction
        </h2>
        {open && (
          <LazyPartSlot what="The reproduction report" onClose={close}>
            <report.Part onClose={close} />
          </LazyPartSlot>
        )}
      </dialog>
    </>
  );
}
