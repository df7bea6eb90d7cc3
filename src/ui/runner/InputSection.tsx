import { useId, useState, type ReactNode } from 'react';
import { toggleInputSection, useInputSectionOpen, type InputName } from './inputSections';
import { useAfterSandboxStart } from '../common/useAfterSandboxStart';
import './runner.css';

export interface InputSectionProps {
  name: InputName;
  /** Shown after the name, "Secrets (2)"; omitted when undefined. */
  count?: number | string;
  className: string;
  /** One line beside the title: what the input is. */
  subtitle: ReactNode;
  /** Buttons that stay in the header while the section is closed ("Add secret"). */
  actions?: ReactNode;
  /**
   * For a lazily loaded body: starts loading it (on the title's hover or focus). Such a body
   * is rendered once the app has started or the section first opens, whichever comes first.
   */
  onPreload?: () => void;
  children: ReactNode;
}

/**
 * One run input as a disclosure (WAI-ARIA pattern): the title is a button with
 * aria-expanded, and a closed section is one line. The region keeps the input's name
 * whether open or not; the closed body stays mounted (hidden) so its editors and rows keep
 * their state (a lazily loaded body, from the app's start or the first opening on).
 */
export function InputSection({
  name,
  count,
  className,
  subtitle,
  actions,
  onPreload,
  children,
}: InputSectionProps) {
  const open = useInputSectionOpen(name);
  const bodyId = useId();
  // A lazy body is rendered from the first opening or the app's start on, and kept after.
  const [opened, setOpened] = useState(open || !onPreload);
  if (open && !opened) setOpened(true);
  const started = useAfterSandboxStart(!opened);
  return (
    <section
      className={`settings-section input-section ${className}${open ? ' input-section-open' : ''}`}
      aria-label={name}
    >
      <div className="settings-header">
        <h2 className="pane-title">
          <button
            type="button"
            className="input-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => toggleInputSection(name)}
            onPointerEnter={onPreload}
            onFocus={onPreload}
          >
            <span className="input-toggle-mark" aria-hidden="true" />
            {name}
            {count !== undefined && <span className="count"> ({count})</span>}
          </button>
        </h2>
        <span className="pane-subtitle">{subtitle}</span>
        {actions}
      </div>
      <div id={bodyId} className="input-section-body" hidden={!open}>
        {(opened || started) && children}
      </div>
    </section>
  );
}
