import { z } from '../../core/schemaKit';
import {
  PointIdSchema,
  StorageStateSchema,
  TimeoutMsSchema,
  type PointId,
  type StorageState,
} from '../../core/schemas';
import {
  HttpMockSchema,
  ModuleMockSchema,
  type HttpMock,
  type ModuleMock,
  type NetworkSettings,
} from '../../core/networkSchemas';
import { newMockId } from '../../workspace/draft/network';
import { newSecretId, type SecretRow } from '../../workspace/draft/secrets';
import { clampCodePane } from '../../workspace/codePane';

/**
 * The foundation's localStorage key (zustand persist JSON `{ state, version }`). The
 * workspace now lives in IndexedDB; this is read once, to migrate those drafts into hooks.
 */
export const STORAGE_KEY = 'hookpad:v1';
/**
 * 1: drafts {code, payloadText}, pointId, timeoutMs, codePaneFraction.
 * 2: drafts also carry `secrets` (rows); per-point webtask `storage`.
 * 3: drafts also carry `network` (HTTP mocks, allowNetwork, module mocks, auto-mocks).
 */
export const STORAGE_VERSION = 3;

/** A point's draft as the foundation stored it (one draft per point, no hooks yet). */
export interface LegacyDraft {
  code: string;
  payloadText: string;
  secrets: SecretRow[];
  network: NetworkSettings;
}

/** What the foundation kept in localStorage: one draft per point, never run results. */
export interface PersistedState {
  pointId: PointId;
  drafts: Partial<Record<PointId, LegacyDraft>>;
  storage: Partial<Record<PointId, StorageState>>;
  timeoutMs: number;
  codePaneFraction: number;
}

const DraftSchema = z.object({ code: z.string(), payloadText: z.string() });
const SecretRowSchema = z.object({
  id: z.optional(z.string()),
  name: z.string(),
  value: z.string(),
});

function readSecrets(value: unknown): SecretRow[] {
  if (!Array.isArray(value)) return [];
  const rows: SecretRow[] = [];
  for (const item of value) {
    const row = SecretRowSchema.safeParse(item);
    if (row.success) rows.push({ ...row.data, id: row.data.id ?? newSecretId() });
  }
  return rows;
}

/** Items that do not parse are dropped one by one; a mock without an id gets one. */
function readNetwork(value: unknown): NetworkSettings {
  const stored =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const mocks: HttpMock[] = [];
  const ids = new Set<string>();
  for (const item of Array.isArray(stored.mocks) ? stored.mocks : []) {
    const withId =
      typeof item === 'object' && item !== null && !('id' in item)
        ? { ...item, id: newMockId() }
        : item;
    const mock = HttpMockSchema.safeParse(withId);
    if (!mock.success) continue;
    // Ids address rows; a repeated one would make two rows edit as one.
    const id = ids.has(mock.data.id) ? newMockId() : mock.data.id;
    ids.add(id);
    mocks.push({ ...mock.data, id });
  }
  const moduleMocks: ModuleMock[] = [];
  for (const item of Array.isArray(stored.moduleMocks) ? stored.moduleMocks : []) {
    // Rows the user has not named yet are kept (ModuleMockSchema requires a name for runs).
    const mock = z.extend(ModuleMockSchema, { name: z.string() }).safeParse(item);
    if (mock.success) moduleMocks.push(mock.data);
  }
  const autoMocks = Array.isArray(stored.autoMocks)
    ? stored.autoMocks.filter((name): name is string => typeof name === 'string')
    : [];
  return {
    mocks,
    allowNetwork: stored.allowNetwork === true,
    moduleMocks,
    autoMocks: [...new Set(autoMocks)],
  };
}

/**
 * Reads whatever is stored field by field, so one damaged or outdated field costs only
 * that field and never the drafts next to it. This is also the migration: a version-1
 * draft has no secrets (they become []), version 1 had no storage, and drafts before
 * version 3 have no network settings (they become empty: every request refused).
 */
export function readPersisted(value: unknown): Partial<PersistedState> {
  if (typeof value !== 'object' || value === null) return {};
  const stored = value as Record<string, unknown>;
  const result: Partial<PersistedState> = {};

  const pointId = PointIdSchema.safeParse(stored.pointId);
  if (pointId.success) result.pointId = pointId.data;
  const timeoutMs = TimeoutMsSchema.safeParse(stored.timeoutMs);
  if (timeoutMs.success) result.timeoutMs = timeoutMs.data;
  if (typeof stored.codePaneFraction === 'number') {
    result.codePaneFraction = clampCodePane(stored.codePaneFraction);
  }
  if (typeof stored.drafts === 'object' && stored.drafts !== null) {
    const drafts: Partial<Record<PointId, LegacyDraft>> = {};
    for (const [id, draft] of Object.entries(stored.drafts)) {
      const pointIdOk = PointIdSchema.safeParse(id);
      const draftOk = DraftSchema.safeParse(draft);
      if (pointIdOk.success && draftOk.success) {
        drafts[pointIdOk.data] = {
          code: draftOk.data.code,
          payloadText: draftOk.data.payloadText,
          secrets: readSecrets((draft as Record<string, unknown>).secrets),
          network: readNetwork((draft as Record<string, unknown>).network),
        };
      }
    }
    result.drafts = drafts;
  }
  if (typeof stored.storage === 'object' && stored.storage !== null) {
    const storage: Partial<Record<PointId, StorageState>> = {};
    for (const [id, state] of Object.entries(stored.storage)) {
      const pointIdOk = PointIdSchema.safeParse(id);
      const stateOk = StorageStateSchema.safeParse(state);
      if (pointIdOk.success && stateOk.success) storage[pointIdOk.data] = stateOk.data;
    }
    result.storage = storage;
  }
  return result;
}
