import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import { editorTheme } from '../../editor/hookpadThemes';
import { LazyTestJsonEditor } from '../common/lazyEditors';
import {
  testExpectationsModelUri,
  testOverridesModelUri,
  testPayloadModelUri,
} from '../../editor/modelUris';
import { appStore, useAppStore } from '../../store';
import { EditorBoundary } from '../common/EditorBoundary';
import { usePrefersDark } from '../common/usePrefersDark';
import { checkTestDraft, testDraftOf, type TestDraft, type TestDraftField } from './testDraft';

export interface EditTestDialogProps {
  hookId: string;
  test: TestCase;
  onClose(): void;
}

const EDITORS: { field: Exclude<TestDraftField, 'name'>; label: string; note: string }[] = [
  { field: 'payloadText', label: 'Test payload', note: 'The JSON body the test runs with.' },
  {
    field: 'expectationsText',
    label: 'Expectations',
    note: 'What the run must give; each part is optional. Ctrl+Space lists them.',
  },
  {
    field: 'overridesText',
    label: 'Overrides',
    note: 'Instead of the hook’s own: secrets, httpMocks, moduleMocks, autoMocks, storage, timeoutMs.',
  },
];

/**
 * "Edit test": the name, and the payload, expectations and overrides as JSON, each checked
 * against the test's zod schema as you type; "Save changes" waits until all are valid.
 */
export function EditTestDialog({ hookId, test, onClose }: EditTestDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const dark = usePrefersDark();
  const pointId = useAppStore((state) => state.hooks[hookId]?.pointId);
  const [draft, setDraft] = useState<TestDraft>(() => testDraftOf(test));
  const check = useMemo(() => checkTestDraft(test.id, draft), [test.id, draft]);
  const problems = check.ok ? {} : check.problems;

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const paths: Record<(typeof EDITORS)[number]['field'], string> = {
    payloadText: pointId ? testPayloadModelUri(pointId, test.id) : '',
    expectationsText: testExpectationsModelUri(test.id),
    overridesText: testOverridesModelUri(test.id),
  };
  const set = (field: TestDraftField, value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  return (
    <dialog
      ref={dialog}
      className="dialog test-edit-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId} className="dialog-title">
        Edit test
      </h2>
      <form
        className="test-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!check.ok) return;
          appStore.getState().updateTest(hookId, check.test);
          onClose();
        }}
      >
        <label className="test-field">
          Test name
          <input
            type="text"
            value={draft.name}
            aria-invalid={problems.name !== undefined}
            aria-describedby={problems.name !== undefined ? `${fieldId}-name` : undefined}
            onChange={(event) => set('name', event.target.value)}
          />
        </label>
        {problems.name !== undefined && (
          <p id={`${fieldId}-name`} className="field-note field-note-problem">
            {problems.name}
          </p>
        )}
        {EDITORS.map(({ field, label, note }) => (
          <section key={field} className="test-json-field" aria-label={label}>
            <h3 className="result-title">{label}</h3>
            <div className="editor-box test-json-editor">
              <EditorBoundary>
                <LazyTestJsonEditor
                  path={paths[field]}
                  label={label}
                  value={draft[field]}
                  theme={editorTheme(dark)}
                  onChange={(value) => set(field, value)}
                />
              </EditorBoundary>
            </div>
            <p className={`field-note${problems[field] ? ' field-note-problem' : ''}`}>
              {problems[field] ? `${label} problem: ${problems[field]}` : note}
            </p>
          </section>
        ))}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={!check.ok}>
            Save changes
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
