import { useCallback, useRef, useState } from 'react';
import type { PointId } from '../../core/schemas';
import { appStore } from '../../store';
import type { HookRecord } from '../../workspace/hookRecord';
import type { ImportProblem, ImportResult } from '../../workspace/importHooks';
import { importedSummary, recordsToImport } from './importSummary';
import type { ReadFiles } from './readDroppedFiles';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | {
      phase: 'review';
      result: ImportResult;
      skipped: number;
      /** The confirmed point of each hook whose point was guessed, by record id. */
      points: Record<string, PointId>;
    }
  | { phase: 'done'; summary: string; notes: string[]; problems: ImportProblem[] }
  | { phase: 'failed'; message: string };

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The workspace's hooks in display order. */
function workspaceHooks(): HookRecord[] {
  const { hooks, hookOrder } = appStore.getState();
  return hookOrder.map((id) => hooks[id]).filter((hook): hook is HookRecord => !!hook);
}

/**
 * The import dialog's steps: read a selection (files, a folder, a drop), review what it
 * holds (problems per file, hooks found, guessed points to confirm), import the hooks.
 * The importer (yaml, fflate) loads on first use.
 */
export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  /** The latest reading: a slower earlier one must not overwrite it. */
  const reading = useRef(0);

  const read = useCallback(async (files: Promise<ReadFiles>) => {
    const token = ++reading.current;
    setState({ phase: 'reading' });
    try {
      const [selection, { importFiles }] = await Promise.all([
        files,
        import('../../workspace/importHooks'),
      ]);
      const result = importFiles(selection.files);
      if (token !== reading.current) return;
      const points: Record<string, PointId> = {};
      for (const hook of result.hooks) {
        if (hook.pointGuessed) points[hook.record.id] = hook.record.pointId;
      }
      setState({ phase: 'review', result, skipped: selection.skipped, points });
    } catch (error) {
      if (token !== reading.current) return;
      setState({ phase: 'failed', message: `The files could not be read: ${errorText(error)}.` });
    }
  }, []);

  const setPoint = useCallback((recordId: string, pointId: PointId) => {
    setState((current) =>
      current.phase === 'review'
        ? { ...current, points: { ...current.points, [recordId]: pointId } }
        : current,
    );
  }, []);

  /** Set while importing, so a double click imports once. */
  const importing = useRef(false);
  const importHooks = useCallback(async () => {
    if (state.phase !== 'review' || state.result.hooks.length === 0 || importing.current) return;
    importing.current = true;
    const { result, points } = state;
    try {
      const { mergeImport } = await import('../../workspace/mergeImport');
      const merged = mergeImport(workspaceHooks(), recordsToImport(result.hooks, points));
      appStore.getState().addHooks(merged.added);
      setState({
        phase: 'done',
        summary: importedSummary(merged.added.length),
        notes: merged.notes,
        problems: result.problems,
      });
    } catch (error) {
      setState({
        phase: 'failed',
        message: `The hooks could not be imported: ${errorText(error)}.`,
      });
    } finally {
      importing.current = false;
    }
  }, [state]);

  return { state, read, setPoint, importHooks };
}
