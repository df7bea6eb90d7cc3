import { getPoint } from '../core/points';
import type { JsonValue, PointId } from '../core/schemas';
import type { HookDraft, HookRecord } from './hookRecord';

let counter = 0;
/** An id unique across tabs and reloads: time, a per-page counter and randomness. */
export function newId(prefix: string): string {
  counter += 1;
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${random}`;
}

export const newHookId = (): string => newId('hook');

/** Payload text as the editor shows it: the JSON, indented by two spaces. */
export const formatPayload = (payload: JsonValue): string => JSON.stringify(payload, null, 2);

/** A point's starter: its starter code and default payload, nothing else. */
export function starterHookDraft(pointId: PointId): HookDraft {
  const point = getPoint(pointId);
  return {
    code: point.starterCode,
    payloadText: formatPayload(point.defaultPayload),
    secrets: [],
    network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    dependencies: {},
  };
}

export interface NewHookOptions {
  pointId: PointId;
  name: string;
  draft?: HookDraft;
  enabled?: boolean;
  now?: number;
  id?: string;
}

/** A new hook, disabled unless asked (the platform creates hooks disabled), with no versions. */
export function newHook({ pointId, name, draft, enabled, now, id }: NewHookOptions): HookRecord {
  const time = now ?? Date.now();
  return {
    id: id ?? newHookId(),
    name,
    pointId,
    enabled: enabled ?? false,
    draft: draft ?? starterHookDraft(pointId),
    storage: {},
    versions: [],
    tests: [],
    createdAt: time,
    updatedAt: time,
    rev: 0,
  };
}

/**
 * `base` if no hook uses it, else `base 2`, `base 3`, … (names compare case-insensitively,
 * as deploy-cli file names would collide otherwise). The result keeps the name rule when
 * `base` does.
 */
export function uniqueHookName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} ${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
