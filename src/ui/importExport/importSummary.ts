import type { PointId } from '../../core/schemas';
import type { HookRecord } from '../../workspace/hookRecord';
import type { ImportedHook, ImportResult } from '../../workspace/importHooks';
import { moveHookToPoint } from '../../workspace/moveHookToPoint';

/** "1 hook", "3 hooks". */
export const hookCount = (count: number): string => `${count} ${count === 1 ? 'hook' : 'hooks'}`;

/** The label of the button that imports the hooks found: "Import 3 hooks". */
export const importButtonLabel = (count: number): string => `Import ${hookCount(count)}`;

/** What the dialog says once the hooks are in the workspace. */
export function importedSummary(added: number): string {
  return added === 0 ? 'No hooks were imported.' : `Imported ${hookCount(added)}.`;
}

/** One line on what reading the selection found, before anything is imported. */
export function describeImportResult(result: ImportResult, skipped = 0): string {
  const found =
    result.hooks.length === 0 ? 'No hooks found' : `Found ${hookCount(result.hooks.length)}`;
  const problems = result.problems.length;
  const parts = [found];
  if (problems > 0) parts.push(`${problems} ${problems === 1 ? 'problem' : 'problems'}`);
  if (skipped > 0) {
    parts.push(`${skipped} other ${skipped === 1 ? 'file' : 'files'} skipped`);
  }
  return `${parts.join('; ')}.`;
}

/** The names of the hook's secrets whose value the export hid (they import empty). */
export function notExportedSecrets(record: HookRecord): string[] {
  return record.draft.secrets.filter((secret) => secret.notExported).map((secret) => secret.name);
}

/**
 * The record on the point the user confirmed. The importer made only the payload from the
 * guessed point (the script and the name come from the files), so only a payload still at
 * that point's default follows the move.
 */
export const withPoint = (record: HookRecord, pointId: PointId): HookRecord =>
  moveHookToPoint(record, pointId, { fromPoint: ['payload'] });

/** The records to import, each guessed point replaced by the one the user confirmed. */
export function recordsToImport(
  hooks: readonly ImportedHook[],
  chosenPoints: Readonly<Record<string, PointId>>,
): HookRecord[] {
  return hooks.map(({ record, pointGuessed }) => {
    const chosen = chosenPoints[record.id];
    return pointGuessed && chosen !== undefined ? withPoint(record, chosen) : record;
  });
}
