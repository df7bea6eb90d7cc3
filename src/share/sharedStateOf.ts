import type { JsonValue, PointId } from '../core/schemas';
import { networkForRun } from '../workspace/draft/network';
import { secretsForRun } from '../workspace/draft/secrets';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { HookDraft } from '../workspace/hookRecord';
import { hideTestSecrets } from '../workspace/testCases/hideTestSecrets';
import {
  SHARE_LINK_VERSION,
  SharedStateLatestSchema,
  type SharedState,
} from './sharedStateSchemas';

/** The parts of a hook a share link carries (not its id, storage, versions or enabled flag). */
export interface ShareableHook {
  name: string;
  pointId: PointId;
  draft: HookDraft;
  /** Its tests (absent: none); each travels without its id. */
  tests?: readonly TestCase[];
}

export type SharedStateResult = { ok: true; state: SharedState } | { ok: false; message: string };

/**
 * What a share link of the hook carries: its point, name, code, parsed payload, the
 * timeout, its HTTP mocks, module mocks, auto-mocks and their results, network switch, dependencies, tests and
 * Action draft (each only when not empty) and its secrets. Secret values travel only when `includeSecrets`;
 * otherwise each secret travels by name with the value "", and those that had a value are
 * listed as withheld, so the receiver knows what to fill in; the secrets a test's overrides
 * set travel by name with the value "" too.
 */
export function sharedStateOf(
  hook: ShareableHook,
  timeoutMs: number,
  { includeSecrets }: { includeSecrets: boolean },
): SharedStateResult {
  const { draft } = hook;
  let payload: JsonValue;
  try {
    payload = JSON.parse(draft.payloadText) as JsonValue;
  } catch (error) {
    return {
      ok: false,
      message: `The payload is not valid JSON, so there is no link to share: ${(error as Error).message}`,
    };
  }

  const state: SharedState = {
    v: SHARE_LINK_VERSION,
    point: hook.pointId,
    code: draft.code,
    payload,
    timeoutMs,
  };
  if (hook.name !== '') state.name = hook.name;

  const secrets = secretsForRun(draft.secrets);
  if (!secrets.ok) {
    return { ok: false, message: `The secrets cannot be shared as they are. ${secrets.message}` };
  }
  const entries = Object.entries(secrets.secrets);
  if (entries.length > 0) {
    if (includeSecrets) {
      state.secrets = secrets.secrets;
    } else {
      state.secrets = Object.fromEntries(entries.map(([name]) => [name, '']));
      const withheld = entries.filter(([, value]) => value !== '').map(([name]) => name);
      if (withheld.length > 0) state.redactedSecrets = withheld;
    }
  }

  // What a run would use: unnamed module rows and an auto-mocked module's code stay home.
  const network = networkForRun(draft.network);
  if (network.mocks.length > 0) state.mocks = network.mocks;
  if (network.moduleMocks.length > 0) state.modules = network.moduleMocks;
  if (network.autoMocks.length > 0) state.autoMocks = network.autoMocks;
  if (network.autoMockResults) state.autoMockResults = network.autoMockResults;
  if (network.allowNetwork) state.allowNetwork = true;
  if (Object.keys(draft.dependencies).length > 0) state.dependencies = draft.dependencies;
  const tests = includeSecrets ? (hook.tests ?? []) : hideTestSecrets(hook.tests ?? []);
  if (tests.length > 0) state.tests = tests.map(({ id: _id, ...test }) => test);
  if (draft.action !== undefined) state.action = draft.action;

  // The link must open: say which setting would make the receiver refuse it.
  const checked = SharedStateLatestSchema.safeParse(state);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      message: `The hook cannot be shared as it is: ${where}${issue?.message ?? 'unexpected content'}.`,
    };
  }
  return { ok: true, state: checked.data };
}
