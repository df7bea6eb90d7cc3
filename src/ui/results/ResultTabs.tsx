import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './results.css';

export interface ResultTab {
  id: string;
  label: string;
  panel: ReactNode;
  /** Keep the panel's content (and its state) while another tab is shown. */
  keepMounted?: boolean;
}

export interface ResultTabsProps {
  tabs: readonly [ResultTab, ...ResultTab[]];
  /**
   * Changes whenever the first tab must be shown again (each run's result); a choice the
   * user made belongs to the key it was made under.
   */
  resetKey: string | number;
  label: string;
}

/**
 * Tabs after the WAI-ARIA tabs pattern with automatic activation: one tab stop, the arrow
 * keys move between tabs (and show them), Home and End go to the first and last.
 * Panels not shown are hidden, and empty unless they keep their content mounted.
 */
export function ResultTabs({ tabs, resetKey, label }: ResultTabsProps) {
  const [choice, setChoice] = useState<{ id: string; key: string | number }>({
    id: tabs[0].id,
    key: resetKey,
  });
  const selectedId =
    choice.key === resetKey && tabs.some((tab) => tab.id === choice.id) ? choice.id : tabs[0].id;
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string, focus: boolean) => {
    setChoice({ id, key: resetKey });
    if (focus) buttons.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next]!.id, true);
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, index) => {
          const selected = tab.id === selectedId;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) buttons.current.set(tab.id, element);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`tabpanel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              className="tab"
              onClick={() => select(tab.id, false)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => {
        const selected = tab.id === selectedId;
        return (
          <div
            key={tab.id}
            role="tabpanel"
            id={`tabpanel-${tab.id}`}
            aria-labelledby={`tab-${tab.id}`}
            hidden={!selected}
            className="tab-panel"
          >
            {(selected || tab.keepMounted) && tab.panel}
          </div>
        );
      })}
    </div>
  );
}
