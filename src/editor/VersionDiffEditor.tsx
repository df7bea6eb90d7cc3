import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import type { editor } from 'monaco-editor/editor/editor.api';
import { useEffect, useState } from 'react';
import { appStore } from '../store';
import { addRunAction } from './addRunAction';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { hookModelUri } from './modelUris';
import { monaco } from './monacoSetup';
import type { EditorTheme } from './hookpadThemes';

/** A saved version's code as a read-only model (versions never change, so one per version). */
export const versionModelUri = (hookId: string, versionId: string): string =>
  `file:///versions/${encodeURIComponent(hookId)}/${encodeURIComponent(versionId)}.js`;

const ORIGINAL_LABEL = 'Saved version (read-only)';
const MODIFIED_LABEL = 'Draft (JavaScript)';

const OPTIONS: editor.IDiffEditorConstructionOptions = {
  ...BASE_EDITOR_OPTIONS,
  originalEditable: false,
  readOnly: false,
  renderSideBySide: true,
  // Side by side needs about 900 px to be readable; narrower, one inline column.
  useInlineViewWhenSpaceIsLimited: true,
  renderSideBySideInlineBreakpoint: 900,
  renderMarginRevertIcon: false,
  renderGutterMenu: false,
  ignoreTrimWhitespace: false,
  ariaLabel: 'Comparison of the saved version with the draft',
  originalAriaLabel: ORIGINAL_LABEL,
  modifiedAriaLabel: MODIFIED_LABEL,
};

/**
 * Monaco 0.57's diff editor drops originalAriaLabel/modifiedAriaLabel (each options update,
 * the first one included, gives its two editors an empty aria-label), so the names are put
 * back on the editors themselves whenever they lose them.
 */
function keepAriaLabel(inner: editor.ICodeEditor, label: string): void {
  const apply = () => {
    if (inner.getOption(monaco.editor.EditorOption.ariaLabel) !== label) {
      inner.updateOptions({ ariaLabel: label });
    }
  };
  apply();
  inner.onDidChangeConfiguration((event) => {
    if (event.hasChanged(monaco.editor.EditorOption.ariaLabel)) apply();
  });
}

/** Where "Next change" / "Previous change" landed: the nth of count changes, at a draft line. */
export interface ChangePosition {
  index: number;
  count: number;
  line: number;
}

/** Moves the draft's cursor to the next or previous change; null when nothing differs. */
export type GoToChange = (target: 'next' | 'previous') => ChangePosition | null;

export interface VersionDiffEditorProps {
  hookId: string;
  versionId: string;
  /** The version's code (left, read-only). */
  original: string;
  theme: EditorTheme;
  /** Receives the change navigation once the diff editor is up. */
  onNavigation?(goToChange: GoToChange): void;
}

/**
 * Monaco's diff editor: a saved version (left, read-only) against the hook's draft (right).
 * The right side is the hook's own model, so it is the live draft: edits made here are the
 * draft's, with its undo history, exactly as in the code editor.
 *
 * Models are never disposed by the wrapper (it would dispose them before the diff editor,
 * which Monaco reports as a bug): the draft's model belongs to the store binding, and the
 * version's model is disposed here once no editor shows it any more. Mount one per version
 * (key it): the wrapper switches a changed model path on the inner editor only, behind the
 * diff editor's back.
 */
export default function VersionDiffEditor({
  hookId,
  versionId,
  original,
  theme,
  onNavigation,
}: VersionDiffEditorProps) {
  const originalPath = versionModelUri(hookId, versionId);
  // Used only if the draft's model does not exist yet; the binding keeps it in sync after.
  const [draftCode] = useState(() => appStore.getState().hooks[hookId]?.draft.code ?? '');

  useEffect(
    () => () => {
      // After the diff editor (a child, cleaned up after this) has let go of the model.
      setTimeout(() => {
        const model = monaco.editor.getModel(monaco.Uri.parse(originalPath));
        if (model && !model.isAttachedToEditor()) model.dispose();
      });
    },
    [originalPath],
  );

  const handleMount: DiffOnMount = (instance) => {
    addRunAction(instance.getModifiedEditor(), () => appStore.getState().startRun());
    keepAriaLabel(instance.getOriginalEditor(), ORIGINAL_LABEL);
    keepAriaLabel(instance.getModifiedEditor(), MODIFIED_LABEL);
    demoteMonacoAlerts();
    onNavigation?.((target) => {
      instance.goToDiff(target);
      const changes = instance.getLineChanges() ?? [];
      const line = instance.getModifiedEditor().getPosition()?.lineNumber ?? 1;
      // goToDiff puts the cursor on a change's first draft line; a deletion has none, and
      // its change starts on the line before.
      const index = changes.findIndex(
        (change) =>
          (change.modifiedEndLineNumber === 0
            ? change.modifiedStartLineNumber + 1
            : change.modifiedStartLineNumber) === line,
      );
      return index === -1 ? null : { index: index + 1, count: changes.length, line };
    });
  };

  return (
    <DiffEditor
      original={original}
      modified={draftCode}
      originalModelPath={originalPath}
      modifiedModelPath={hookModelUri(hookId)}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      language="javascript"
      theme={theme}
      options={OPTIONS}
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
