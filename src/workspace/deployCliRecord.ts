import { HIDDEN_SECRET_VALUE, type DeployCliHook } from './deployCliHookSchema';
import type { HookRecord, SecretRow } from './hookRecord';
import { newHook, newId, starterHookDraft } from './newHook';

/** A deploy-cli hook item as a new hook record with the given (already loaded) code. */
export function deployCliRecord(
  item: DeployCliHook,
  pointId: HookRecord['pointId'],
  code: string,
): HookRecord {
  const secrets: SecretRow[] = Object.entries(item.secrets ?? {}).map(([name, value]) =>
    value === HIDDEN_SECRET_VALUE
      ? { id: newId('secret'), name, value: '', notExported: true }
      : { id: newId('secret'), name, value },
  );
  return newHook({
    pointId,
    name: item.name,
    enabled: item.enabled ?? item.active ?? false,
    draft: {
      ...starterHookDraft(pointId),
      code,
      secrets,
      dependencies: { ...(item.dependencies ?? {}) },
    },
  });
}

/** A `script` holding the code itself (as the Management API returns it) rather than a path. */
export function looksLikeCode(script: string): boolean {
  return (
    /\n/.test(script) ||
    /^\s*(module\.exports|exports\.|function\b|async\b|['"]use strict|\/[*/])/.test(script)
  );
}
