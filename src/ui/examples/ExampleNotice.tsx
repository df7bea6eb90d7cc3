import { useAppStore } from '../../store';
import { EXAMPLES_BUTTON_ID } from './ExamplesMenu';
import './examples.css';

/** The notice's buttons disappear with it; the focus goes back where the example came from. */
const focusExamplesButton = () => document.getElementById(EXAMPLES_BUTTON_ID)?.focus();

/** After an example was loaded: what it is expected to do, and Undo. */
export function ExampleNotice() {
  const notice = useAppStore((state) => state.exampleNotice);
  const undoExample = useAppStore((state) => state.undoExample);
  const dismiss = useAppStore((state) => state.dismissExampleNotice);
  return (
    // A polite live region (not role=status: that one is the run's status line).
    <div aria-live="polite" className="example-notice-region">
      {notice && (
        <div className="share-bar example-notice">
          <p className="share-bar-message example-notice-message">
            Loaded example “{notice.title}”. Expected: {notice.expected}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              undoExample();
              focusExamplesButton();
            }}
            title="Put back the draft, storage and timeout the example replaced"
          >
            Undo
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              dismiss();
              focusExamplesButton();
            }}
          >
            Close
          </button>
        </div>
      )}
    </div>
  );
}
