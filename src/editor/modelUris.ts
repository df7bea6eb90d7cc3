import type { PointId } from '../core/schemas';

/**
 * One Monaco model per hook and editor, so switching hooks keeps each one's undo history
 * and cursor. The hook's model is JavaScript named `.ts`: the TypeScript worker then reads it
 * as TypeScript, which types `module.exports = function (…)` from its point's declarations
 * (a `.js` file's CommonJS export is not contextually typed) and ignores its JSDoc types.
 * The payload URI carries the point: it is what the point's JSON Schema is
 * matched to, so a hook moved to another point gets a new payload model.
 */
export const hookModelUri = (hookId: string): string =>
  `file:///hooks/${encodeURIComponent(hookId)}.ts`;
/** The hook id of a hook model's URI, or undefined for any other model. */
export function hookIdOfModelUri(uri: string): string | undefined {
  const match = /^file:\/\/\/hooks\/([^/]+)\.ts$/.exec(uri);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
/** A hook's Action draft: its own model beside the hook's, read as TypeScript likewise. */
export const actionModelUri = (hookId: string): string =>
  `file:///actions/${encodeURIComponent(hookId)}.ts`;
/** The model that holds the code a run of this kind runs. */
export const codeModelUri = (hookId: string, kind: 'hook' | 'action'): string =>
  kind === 'action' ? actionModelUri(hookId) : hookModelUri(hookId);
export const payloadModelUri = (hookId: string, pointId: PointId): string =>
  `file:///payloads/${pointId}/${encodeURIComponent(hookId)}.json`;
/** The JSON Schema's fileMatch for every payload model of a point. */
export const payloadModelPattern = (pointId: PointId): string => `file:///payloads/${pointId}/*`;
/**
 * A module mock's code: one model per hook and module row, created when the row's editor
 * mounts and disposed when it unmounts (row removed, hook switched).
 */
export const moduleMockModelUri = (hookId: string, index: number): string =>
  `file:///module-mocks/${encodeURIComponent(hookId)}/${index}.js`;
/**
 * The "Edit test" dialog's JSON models, one per test and part, disposed when the dialog
 * closes. A test's payload sits among its point's payload models, so it gets the point's
 * JSON Schema and type warnings like the workbench's payload.
 */
export const testPayloadModelUri = (pointId: PointId, testId: string): string =>
  `file:///payloads/${pointId}/test-${encodeURIComponent(testId)}.json`;
export const testExpectationsModelUri = (testId: string): string =>
  `file:///test-expectations/${encodeURIComponent(testId)}.json`;
export const testOverridesModelUri = (testId: string): string =>
  `file:///test-overrides/${encodeURIComponent(testId)}.json`;
