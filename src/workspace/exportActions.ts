import { ACTION_RUNTIME, ACTION_TRIGGER_VERSION } from './deployCliActionSchema';
import type { HookRecord } from './hookRecord';

// A hook's Action draft as auth0-deploy-cli writes an Action (its `mapToAction` in
// src/context/directory/handlers/actions.ts and yaml/handlers/actions.ts), named as the hook.

/** The fields of `actions/<name>.json` or of an item of `tenant.yaml`'s `actions:`, in deploy-cli's order. */
export interface DeployCliActionFields {
  name: string;
  code: string;
  runtime: string;
  dependencies: { name: string; version: string }[];
  secrets: { name: string; value: string }[];
  supported_triggers: { id: string; version: string }[];
  /** A draft from Hookpad is not deployed by deploy-cli: the user deploys it once reviewed. */
  deployed: false;
}

/** Where an export puts a hook's Action code, relative to the export's root. */
export const actionCodePath = (fileName: string): string => `actions/${fileName}/code.js`;

/**
 * The Action of a hook that has an Action draft, else undefined. `secrets` are the hook's
 * secrets by name as its hook export writes them (hidden values as `_VALUE_NOT_SHOWN_`):
 * an Action reads the same secrets (`event.secrets`).
 */
export function actionFieldsOf(
  hook: HookRecord,
  fileName: string,
  secrets: Readonly<Record<string, string>>,
): DeployCliActionFields | undefined {
  const action = hook.draft.action;
  if (action === undefined) return undefined;
  return {
    name: hook.name,
    // deploy-cli reads it from the folder it runs in, the export's root (README's example).
    code: `./${actionCodePath(fileName)}`,
    runtime: ACTION_RUNTIME,
    dependencies: Object.entries(action.dependencies).map(([name, version]) => ({
      name,
      version,
    })),
    secrets: Object.entries(secrets).map(([name, value]) => ({ name, value })),
    supported_triggers: [{ id: hook.pointId, version: ACTION_TRIGGER_VERSION }],
    deployed: false,
  };
}
