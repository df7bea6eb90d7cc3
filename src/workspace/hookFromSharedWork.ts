import type { JsonValue, PointId } from '../core/schemas';
import type { AutoMockResult, HttpMock, ModuleMock } from '../core/networkSchemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { ActionDraft } from '../core/actions/actionSchemas';
import type { HookRecord } from './hookRecord';
import { freshTestIds } from './testCases/freshTestIds';
import { toHookName } from './hookNames';
import { formatPayload, newHook, uniqueHookName } from './newHook';
import { secretRowsOf } from './draft/secrets';

/** The state a share link opens (already decoded and validated). */
export interface SharedWork {
  point: PointId;
  name?: string;
  code: string;
  payload: JsonValue;
  timeoutMs?: number;
  /** Present only when the link carries secrets (values, or names whose value was withheld). */
  secrets?: Record<string, string>;
  /** Names of secrets whose value the link withheld: they open empty and flagged. */
  redactedSecrets?: string[];
  mocks?: HttpMock[];
  modules?: ModuleMock[];
  autoMocks?: string[];
  /** What auto-mocked calls resolve to (share link version 3). */
  autoMockResults?: AutoMockResult[];
  allowNetwork?: boolean;
  dependencies?: Record<string, string>;
  /** The hook's tests, without ids (share link version 3). */
  tests?: Omit<TestCase, 'id'>[];
  /** The hook's Action draft, when it was ported (share link version 3). */
  action?: ActionDraft;
}

/**
 * A new hook holding the shared work and its tests (with new ids), named by its usable name
 * apart from `takenNames`, and marked with the digest of the link it came from.
 */
export function hookFromSharedWork(
  work: SharedWork,
  takenNames: readonly string[],
  openedFrom?: string,
): HookRecord {
  const secrets = secretRowsOf(work.secrets).map((row) =>
    work.redactedSecrets?.includes(row.name) ? { ...row, notExported: true } : row,
  );
  const hook = newHook({
    pointId: work.point,
    name: uniqueHookName(toHookName(work.name ?? '', 'Shared hook'), takenNames),
    draft: {
      code: work.code,
      payloadText: formatPayload(work.payload),
      secrets,
      network: {
        mocks: work.mocks ?? [],
        allowNetwork: work.allowNetwork ?? false,
        moduleMocks: work.modules ?? [],
        autoMocks: work.autoMocks ?? [],
        ...(work.autoMockResults?.length ? { autoMockResults: work.autoMockResults } : {}),
      },
      dependencies: work.dependencies ?? {},
      ...(work.action === undefined ? {} : { action: work.action }),
    },
  });
  const withTests = { ...hook, tests: freshTestIds(work.tests ?? []) };
  return openedFrom === undefined ? withTests : { ...withTests, openedFrom };
}
