import type { PointId } from '../core/schemas';

/**
 * One Monaco model per point and editor, so switching points keeps each one's undo history
 * and cursor. The payload URI is also what the point's JSON Schema is matched to.
 */
export const hookModelUri = (pointId: PointId): string => `file:///hooks/${pointId}.js`;
export const payloadModelUri = (pointId: PointId): string => `file:///payloads/${pointId}.json`;
/**
 * A module mock's code: one model per point and module row, created when the row's editor
 * mounts and disposed when it unmounts (row removed, point switched).
 */
export const moduleMockModelUri = (pointId: PointId, index: number): string =>
  `file:///module-mocks/${pointId}/${index}.js`;
