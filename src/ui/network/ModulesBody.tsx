import { parseSpecifier } from '../../core/moduleSpecifier';
import { useId } from 'react';
import { LazyModuleMockEditor } from '../common/lazyEditors';
import { appStore, useAppStore } from '../../store';
import { EMPTY_NETWORK } from '../../workspace/draft/network';
import { EditorBoundary } from '../common/EditorBoundary';
import { AutoMockResultsList } from './AutoMockResultsList';
import { usePrefersDark } from '../common/usePrefersDark';
import { editorTheme } from '../../editor/hookpadThemes';
import { MAX_AUTO_MOCKS, MAX_MODULE_MOCKS } from '../../core/inputLimits';
import { LimitNote } from '../common/LimitNote';
import { ShowMoreRows } from '../common/ShowMoreRows';
import { useShownRows } from '../common/useShownRows';
import { moduleRowsOf, type ModuleRow } from './moduleRows';

interface ModulesBodyProps {
  hookId: string;
  /** The row key whose name field takes the focus once it is in the page ("Add module"). */
  focusNextRef: { current: string | null };
  /** A removed row gives the focus back (to "Add module"). */
  onRemoved(): void;
}

/** The Modules section's rows and auto-mock results, loaded when the section first opens. */
export function ModulesBody({ hookId, focusNextRef, onRemoved }: ModulesBodyProps) {
  const moduleMocks = useAppStore(
    (state) => (state.hooks[hookId]?.draft.network ?? EMPTY_NETWORK).moduleMocks,
  );
  const autoMocks = useAppStore(
    (state) => (state.hooks[hookId]?.draft.network ?? EMPTY_NETWORK).autoMocks,
  );
  const hasResults = useAppStore(
    (state) => (state.hooks[hookId]?.draft.network.autoMockResults?.length ?? 0) > 0,
  );
  const dark = usePrefersDark();
  const rows = moduleRowsOf(moduleMocks, autoMocks);
  let autoPosition = 0;
  // Each module mock has a code editor: a page of them, not hundreds at once.
  const { shown, showMore } = useShownRows(rows.length, hookId);

  return (
    <>
      {rows.length === 0 ? (
        <p className="field-note">
          No module mocks. A hook that requires a module Hookpad does not have fails with a
          &quot;not available&quot; error: add the module here with code that assigns{' '}
          <code>module.exports</code>, or auto-mock it to record its calls.
        </p>
      ) : (
        <ul className="module-rows">
          {rows.slice(0, shown).map((row, position) => {
            const key = row.kind === 'mock' ? `m${row.index}` : `a${autoPosition++}`;
            const earlier = rows.slice(0, position).some((other) => other.name === row.name);
            return (
              <ModuleRowView
                key={key}
                rowKey={key}
                hookId={hookId}
                row={row}
                repeated={earlier && row.name.trim() !== ''}
                dark={dark}
                focusNextRef={focusNextRef}
                onRemoved={onRemoved}
              />
            );
          })}
        </ul>
      )}
      <ShowMoreRows shown={shown} total={rows.length} what="modules" onMore={showMore} />
      <LimitNote what="Module mocks" count={moduleMocks.length} limit={MAX_MODULE_MOCKS} />
      <LimitNote what="Auto-mocks" count={autoMocks.length} limit={MAX_AUTO_MOCKS} />
      {(autoMocks.length > 0 || hasResults) && <AutoMockResultsList hookId={hookId} />}
    </>
  );
}

interface ModuleRowViewProps {
  rowKey: string;
  hookId: string;
  row: ModuleRow;
  repeated: boolean;
  dark: boolean;
  focusNextRef: { current: string | null };
  onRemoved(): void;
}

function ModuleRowView({
  rowKey,
  hookId,
  row,
  repeated,
  dark,
  focusNextRef,
  onRemoved,
}: ModuleRowViewProps) {
  const state = appStore.getState();
  const auto = row.kind === 'auto' || row.auto;
  const noteId = useId();
  const problem = nameProblem(row.name, repeated);

  const rename = (name: string) => {
    if (row.kind === 'mock') state.updateModuleMock(hookId, row.index, { name });
    else state.renameAutoMock(hookId, row.name, name);
  };
  const setAuto = (on: boolean) => {
    if (row.kind === 'auto') {
      // Off: the module becomes a module mock with starter code.
      if (!on) state.addModuleMock(hookId, row.name);
    } else if (on) state.addAutoMock(hookId, row.name);
    else state.removeAutoMock(hookId, row.name);
  };
  const remove = () => {
    if (row.kind === 'mock') state.removeModuleMock(hookId, row.index);
    else state.removeAutoMock(hookId, row.name);
    onRemoved();
  };

  return (
    <li className="module-row">
      <div className="module-line">
        <div className="module-name">
          <label className="mock-field-label" htmlFor={`${noteId}-name`}>
            Module name
          </label>
          <input
            id={`${noteId}-name`}
            ref={(element) => {
              if (element && focusNextRef.current === rowKey) {
                focusNextRef.current = null;
                element.focus();
              }
            }}
            type="text"
            value={row.name}
            placeholder="twilio"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem?.bad === true}
            aria-describedby={problem ? noteId : undefined}
            onChange={(event) => rename(event.target.value)}
          />
        </div>
        <label className="module-auto" title="Answer every call with a recording proxy">
          <input
            type="checkbox"
            checked={auto}
            onChange={(event) => setAuto(event.target.checked)}
          />
          Auto-mock
        </label>
        <button
          type="button"
          className="button button-small button-icon"
          aria-label="Remove module"
          title="Remove this module"
          onClick={remove}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {problem && (
        <p id={noteId} className={problem.bad ? 'field-note field-note-problem' : 'field-note'}>
          {problem.text}
        </p>
      )}
      {auto ? (
        <p className="field-note">
          Recording proxy: any property, call or <code>new</code> works, a call can be awaited (it
          resolves to <code>{'{}'}</code> unless an auto-mock result below matches), and each call
          is listed under Outbound requests.
        </p>
      ) : (
        row.kind === 'mock' && (
          <div className="editor-box module-editor-box">
            <EditorBoundary>
              <LazyModuleMockEditor
                hookId={hookId}
                index={row.index}
                name={row.name}
                code={row.code}
                theme={editorTheme(dark)}
                onChange={(code) => state.updateModuleMock(hookId, row.index, { code })}
              />
            </EditorBoundary>
          </div>
        )
      )}
    </li>
  );
}

function nameProblem(name: string, repeated: boolean): { text: string; bad: boolean } | null {
  const trimmed = name.trim();
  if (trimmed === '') {
    return { text: 'Name the module as the hook requires it, e.g. twilio.', bad: true };
  }
  if (repeated) return { text: 'This module is listed above; this row is not used.', bad: true };
  const { name: bare, version } = parseSpecifier(trimmed);
  if (version !== undefined) {
    return {
      text: `Use the name without a version: require('${trimmed}') is answered by the mock named ${bare}.`,
      bad: true,
    };
  }
  return null;
}
