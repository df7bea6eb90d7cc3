import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import './importExport.css';

// The dialogs' content (and the readers and writers behind it) loads on first use.
const importPanel = lazyPart(() => import('./ImportPanel').then((module) => module.ImportPanel));
const exportPanel = lazyPart(() => import('./ExportPanel').then((module) => module.ExportPanel));

type Open = 'import' | 'export' | null;

/** The Import button's id, so the welcome's "Import files" can open the same dialog. */
export const IMPORT_BUTTON_ID = 'import-button';

/** Starts loading the importer or the exporters while the user looks at the dialog. */
function preload(which: Exclude<Open, null>): void {
  (which === 'import' ? importPanel : exportPanel).preload();
  const loading =
    which === 'import'
      ? Promise.all([import('../../workspace/importHooks'), import('../../workspace/mergeImport')])
      : import('../../workspace/exportHooks');
  // A failed preload is retried (and reported) when the module is needed.
  loading.catch(() => undefined);
}

/**
 * A modal dialog named by its title. Its content is mounted only while it is open, so
 * every opening starts afresh; Escape and Close both end in `onClose`.
 */
function ModalDialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="dialog io-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // A file dropped beside the drop zone is ignored, rather than opened by the browser
      // in place of the app.
      onDragOver={(event) => {
        if (event.defaultPrevented) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'none';
      }}
      onDrop={(event) => event.preventDefault()}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}

/**
 * The sidebar's Import and Export buttons and their dialogs: deploy-cli exports (directory,
 * YAML, zips), hook .js files and Hookpad workspace files in; the same formats out.
 */
export function ImportExport() {
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const show = (which: Exclude<Open, null>) => {
    preload(which);
    setOpen(which);
  };
  return (
    <>
      <div className="io-buttons" role="group" aria-label="Import and export">
        <button
          id={IMPORT_BUTTON_ID}
          type="button"
          className="button button-small"
          aria-haspopup="dialog"
          onClick={() => show('import')}
          onPointerEnter={importPanel.preload}
          onFocus={importPanel.preload}
          title="Import hooks from a deploy-cli export, .js files or a Hookpad workspace file"
        >
          Import
        </button>
        <button
          type="button"
          className="button button-small"
          aria-haspopup="dialog"
          onClick={() => show('export')}
          onPointerEnter={exportPanel.preload}
          onFocus={exportPanel.preload}
          title="Download hooks as a deploy-cli export or a Hookpad workspace file"
        >
          Export
        </button>
      </div>
      <ModalDialog title="Import hooks" open={open === 'import'} onClose={close}>
        <LazyPartSlot what="The import dialog" onClose={close}>
          <importPanel.Part onClose={close} />
        </LazyPartSlot>
      </ModalDialog>
      <ModalDialog title="Export hooks" open={open === 'export'} onClose={close}>
        <LazyPartSlot what="The export dialog" onClose={close}>
          <exportPanel.Part onClose={close} />
        </LazyPartSlot>
      </ModalDialog>
    </>
  );
}
