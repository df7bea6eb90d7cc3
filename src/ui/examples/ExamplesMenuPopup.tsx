import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { HookExample } from '../../core/examples';
import { points } from '../../core/points';
import { appStore } from '../../store';
import { loadErrorText, loadOnce } from '../../core/loadOnce';

/** The examples' texts load on first use (hover, focus or the opening click). */
let cached: readonly HookExample[] | null = null;
const loadExamples = loadOnce(() =>
  import('../../core/examples').then((module) => (cached = module.examples)),
);
export const preloadExamples = () => void loadExamples().catch(() => undefined);

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; examples: readonly HookExample[] }
  | { status: 'failed'; reason: string };

export interface ExamplesMenuPopupProps {
  menuId: string;
  /** Which item gets the focus when the menu opens. */
  initialFocus: 'first' | 'last';
  /** The menu button: a click on it is not "outside", and the focus goes back to it. */
  button: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

/**
 * The open Examples menu (ExamplesMenu.tsx): the example hooks grouped by extensibility
 * point, filled in once the examples are in. Arrows, Home and End move; Escape closes;
 * Tab leaves; choosing one loads it into its point's draft (never runs it).
 */
export function ExamplesMenuPopup({
  menuId,
  initialFocus,
  button,
  onClose,
}: ExamplesMenuPopupProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded>(() =>
    cached === null ? { status: 'loading' } : { status: 'ready', examples: cached },
  );
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

  // The menu opens at once (no lost click) and fills in when the examples are in.
  useEffect(() => {
    let live = true;
    loadExamples().then(
      (list) => live && setLoaded({ status: 'ready', examples: list }),
      (error: unknown) => live && setLoaded({ status: 'failed', reason: loadErrorText(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  const close = (returnFocus: boolean) => {
    onClose();
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    const all = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    (initialFocus === 'first' ? all[0] : all.at(-1))?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) onClose();
    };
    // Escape closes the menu wherever the focus is: while the examples load it is still on
    // the button (or, on a slow machine, nowhere in the menu yet).
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
    // Again once the examples are in: an early click's menu gets its focus then.
  }, [examples, initialFocus, button, onClose]);

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
          The examples could not be loaded ({loaded.reason}). Check the connection, then open the
          menu again.
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
  );
}
