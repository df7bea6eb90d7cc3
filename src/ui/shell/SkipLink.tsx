import { focusCodeEditor } from '../../editor/codeEditorHandle';

/**
 * The first stop of the keyboard: past the header and the hooks list, straight into the code.
 * Hidden until focused.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#hook-code"
      onClick={(event) => {
        if (focusCodeEditor()) event.preventDefault();
      }}
    >
      Skip to the code editor
    </a>
  );
}
