import type { PointId } from '../schemas';
import type { ExtensibilityPoint } from './types';
import { credentialsExchange } from './credentialsExchange';
import { preUserRegistration } from './preUserRegistration';
import { postUserRegistration } from './postUserRegistration';
import { postChangePassword } from './postChangePassword';
import { sendPhoneMessage } from './sendPhoneMessage';

/** The five points in the Dashboard's order. Adding a point is one file and one line here. */
export const points: readonly ExtensibilityPoint[] = [
  credentialsExchange,
  preUserRegistration,
  postUserRegistration,
  postChangePassword,
  sendPhoneMessage,
];

/** The point with this trigger id; throws on an unknown id (misuse should fail loudly). */
export function getPoint(id: PointId): ExtensibilityPoint {
  const point = points.find((candidate) => candidate.id === id);
  if (!point) throw new Error(`Unknown extensibility point: ${String(id)}`);
  return point;
}
