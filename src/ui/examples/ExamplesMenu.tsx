import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HookExample } from '../../core/examples';
import { points } from '../../core/points';
import { appStore } from '../../store';
import { loadErrorText, loadOnce } from '../common/loadOnce';
import './examples.css';

/** The examples' texts load on first use (hover, focus or the opening click). */
const loadExamples = loadOnce(() =>
  import('../../core/examples').then((module) => module.examples),
);
const preloadExamples = () => void loadExamples().catch(() => undefined);

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; examples: readonly HookExample[] }
  | { status: 'failed'; reason: string };

/** The menu button's id, so the example notice can give the focus back to it. */
export const EXAMPLES_BUTTON_ID = 'examples-button';

/**
 * "Examples": a menu button (WAI-ARIA menu pattern) listing the example hooks grouped by
 * extensibility point. Choosing one loads it into its point's draft (never runs it).
 * Keyboard: Enter, Space or ArrowDown open it on the first item, ArrowUp on the last;
 * arrows, Home and End move; Escape closes; focus returns to the button.
 */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  /** Which item gets the focus when the menu opens. */
  const initialFocus = useRef<'first' | 'last'>('first');
  const menuId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const examples = loaded.status === 'ready' ? loaded.examples : null;
  const groups = useMemo(
    () =>
      points
        .map((point) => ({
          point,
          items: (examples ?? []).filter((example) => example.point === point.id),
        }))
        .filter((group) => group.items.length > 0),
    [examples],
  );

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const all = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    (initialFocus.current === 'first' ? all[0] : all.at(-1))?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    // Escape closes the menu wherever the focus is: while the examples load it is still on
    // the button (or, on a slow machine, nowhere in the menu yet).
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
    // Again once the examples are in: an early click's menu gets its focus then.
  }, [open, examples]);

  const openMenu = (focus: 'first' | 'last') => {
    initialFocus.current = focus;
    setOpen(true);
    if (examples !== null) return;
    // The menu opens at once (no lost click) and fills in when the examples are in.
    setLoaded({ status: 'loading' });
    loadExamples().then(
      (list) => setLoaded({ status: 'ready', examples: list }),
      (error: unknown) => setLoaded({ status: 'failed', reason: loadErrorText(error) }),
    );
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const last = all.length - 1;
    const target: Record<string, number> = {
      ArrowDown: index >= last ? 0 : index + 1,
      ArrowUp: index <= 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (target[event.key] !== undefined) {
      event.preventDefault();
      all[target[event.key]!]?.focus();
    }
  };

  const choose = (example: HookExample) => {
    appStore.getState().loadExample(example);
    close(true);
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
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
        onPointerEnter={preloadExamples}
        onFocus={preloadExamples}
        title="Load an example hook into its point (it does not run by itself)"
      >
        Examples
        <span aria-hidden="true" className="menu-caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Examples"
          // Until the examples arrive the menu has no items yet: busy, not broken.
          aria-busy={loaded.status === 'loading'}
          className="menu"
          onKeyDown={onMenuKeyDown}
        >
          {loaded.status === 'loading' && <p className="menu-empty">Loading examples…</p>}
          {loaded.status === 'failed' && (
            <p role="alert" className="menu-empty">
              The examples could not be loaded ({loaded.reason}). Check the connection, then open
              the menu again.
            </p>
          )}
          {examples !== null && groups.length === 0 && <p className="menu-empty">No examples.</p>}
          {groups.map(({ point, items: pointExamples }) => (
            <div key={point.id} role="group" aria-label={point.label} className="menu-group">
              <div className="menu-group-label" aria-hidden="true">
                {point.label}
              </div>
              {pointExamples.map((example) => (
                <button
                  key={example.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item"
                  aria-describedby={`${menuId}-${example.id}`}
                  onClick={() => choose(example)}
                >
                  <span className="menu-item-title">{example.title}</span>
                  {/* Out of the name (the title alone), in the description. */}
                  <span
                    className="menu-item-description"
                    id={`${menuId}-${example.id}`}
                    aria-hidden="true"
                  >
                    {example.description}
                  </span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
