import { useRef, type KeyboardEvent } from 'react';
import type { RunKind } from '../../core/actions/actionSchemas';
import { appStore, useAppStore } from '../../store';
import './action.css';

const TABS: { kind: RunKind; label: string }[] = [
  { kind: 'hook', label: 'Hook' },
  { kind: 'action', label: 'Action' },
];

export const codeTabId = (kind: RunKind) => `code-tab-${kind}`;
export const CODE_TABPANEL_ID = 'code-tabpanel';

/**
 * "Hook" and "Action": which code the code pane shows and Run runs. The WAI-ARIA tabs
 * pattern with automatic activation: one tab stop, arrow keys, Home and End.
 */
export function CodeTabs() {
  const selected = useAppStore((state) => state.codeTab);
  const buttons = useRef(new Map<RunKind, HTMLButtonElement>());
  const select = (kind: RunKind, focus: boolean) => {
    appStore.getState().setCodeTab(kind);
    if (focus) buttons.current.get(kind)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = TABS.length - 1;
    const target: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(TABS[next]!.kind, true);
  };
  return (
    <div role="tablist" aria-label="Code" className="code-tabs">
      {TABS.map(({ kind, label }, index) => (
        <button
          key={kind}
          ref={(element) => {
            if (element) buttons.current.set(kind, element);
            else buttons.current.delete(kind);
          }}
          type="button"
          role="tab"
          id={codeTabId(kind)}
          aria-selected={kind === selected}
          aria-controls={CODE_TABPANEL_ID}
          tabIndex={kind === selected ? 0 : -1}
          className="code-tab"
          onClick={() => select(kind, false)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
