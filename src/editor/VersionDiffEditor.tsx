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

/** A saved version's code as a read-only model (versions never change, so one per version). */
export const versionModelUri = (hookId: string, versionId: string): string =>
  `file:///versions/${encodeURIComponent(hookId)}/${encodeURIComponent(versionId)}.js`;

const OPTIONS: editor.IDiffEditorConstructionOptions = {
  ...BASE_EDITOR_OPTIONS,
  originalEditable: false,
  readOnly: false,
  renderSideBySide: true,
  // The code pane is often narrower than Monaco's 900 px default for side by side.
  useInlineViewWhenSpaceIsLimited: true,
  renderSideBySideInlineBreakpoint: 480,
  renderMarginRevertIcon: false,
  renderGutterMenu: false,
  ignoreTrimWhitespace: false,
  originalAriaLabel: 'Saved version (read-only)',
  modifiedAriaLabel: 'Draft (JavaScript)',
};

export interface VersionDiffEditorProps {
  hookId: string;
  versionId: string;
  /** The version's code (left, read-only). */
  original: string;
  theme: 'vs' | 'vs-dark';
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
    demoteMonacoAlerts();
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
