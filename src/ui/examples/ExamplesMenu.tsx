import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { afterSandboxStart } from '../../perf/editorReady';
import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import { loadOnce } from '../../core/loadOnce';
import './examples.css';

// The open menu loads after start-up or on first use; the examples' texts on first use.
const loadPopup = loadOnce(() => import('./ExamplesMenuPopup'));
const menuPopup = lazyPart(() => loadPopup().then((module) => module.ExamplesMenuPopup));
void afterSandboxStart().then(menuPopup.preload);
/**
 * The menu and the examples' texts, fetched ahead (hover, focus or the opening click). The
 * part is asked too, so that a click after the hover renders the menu at once even before
 * the background preload (afterSandboxStart) has run.
 */
const preload = () => {
  menuPopup.preload();
  void loadPopup().then(
    (module) => module.preloadExamples(),
    () => undefined,
  );
};

/** The menu button's id, so the example notice can give the focus back to it. */
export const EXAMPLES_BUTTON_ID = 'examples-button';

/**
 * "Examples": a menu button (WAI-ARIA menu pattern) listing the example hooks grouped by
 * extensibility point (ExamplesMenuPopup). Choosing one loads it into its point's draft
 * (never runs it). Keyboard: Enter, Space or ArrowDown open it on the first item, ArrowUp on
 * the last; arrows, Home and End move; Escape closes; focus returns to the button.
 */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  /** Which item gets the focus when the menu opens. */
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const menuId = useId();
  const close = useCallback(() => setOpen(false), []);

  const openMenu = (focus: 'first' | 'last') => {
    preload();
    setInitialFocus(focus);
    setOpen(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    // While the menu's own code is still arriving, the focus is still here: Escape closes it
    // from here too (the loaded menu handles its own keys).
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  return (
    <div className="menu-button">
      <button
        ref={button}
        id={EXAMPLES_BUTTON_ID}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close() : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
        onPointerEnter={preload}
        onFocus={preload}
        title="Load an example hook into its point (it does not run by itself)"
      >
        Examples
        <span aria-hidden="true" className="menu-caret">
          ▾
        </span>
      </button>
      {open && (
        <LazyPartSlot
          what="The examples menu"
          onClose={close}
          // The menu opens at once (no lost click), busy until its items are in.
          fallback={
            <div id={menuId} role="menu" aria-label="Examples" aria-busy className="menu">
              <p className="menu-empty">Loading examples…</p>
            </div>
          }
        >
          <menuPopup.Part
            menuId={menuId}
            initialFocus={initialFocus}
            button={button}
            onClose={close}
          />
        </LazyPartSlot>
      )}
    </div>
  );
}
