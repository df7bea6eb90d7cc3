import { useRef } from 'react';
import { appStore, useAppStore } from '../../store';
import { openInputSection } from '../runner/inputSections';
import { readPackageInputs } from './readDroppedFiles';

/**
 * "Add package file": `.tgz` files made by `npm pack` (one or many) or a zip of a
 * `node_modules` folder, stored like packages fetched from npm.
 */
export function AddPackageFileButton() {
  const input = useRef<HTMLInputElement>(null);
  const disabled = useAppStore(
    (state) => state.packages.busy !== null || state.packages.status !== 'ready',
  );
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Add package file
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".tgz,.tar.gz,.zip,application/gzip,application/zip"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (!files || files.length === 0) return;
          openInputSection('Dependencies');
          void readPackageInputs(files).then((inputs) =>
            appStore.getState().addPackageFiles(inputs),
          );
          // The same file can be chosen again (after removing it, say).
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}
