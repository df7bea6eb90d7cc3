import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import { HIDDEN_SECRET_VALUE } from './deployCliHookSchema';
import { actionCodePath, actionFieldsOf } from './exportActions';
import type { HookRecord } from './hookRecord';
import { hookTestsFile } from './hookTestsFile';
import { sanitizeHookFileName } from './sanitizeHookFileName';

export interface ExportOptions {
  /** False: every secret value is written as deploy-cli's "_VALUE_NOT_SHOWN_" (or hidden in a workspace file). */
  includeSecrets: boolean;
}
export interface ExportedFile {
  path: string;
  text: string;
}

/** A hook's fields as deploy-cli writes them (json file or yaml item), `script` aside. */
interface DeployCliFields {
  name: string;
  triggerId: string;
  enabled: boolean;
  script: string;
  secrets: Record<string, string>;
  dependencies: Record<string, string>;
}

/**
 * One distinct file name per hook: two hooks whose names sanitise alike get `-2`, `-3`, …
 * (as deploy-cli would otherwise write both to one file).
 */
function fileNames(hooks: readonly HookRecord[]): string[] {
  const used = new Set<string>();
  return hooks.map((hook) => {
    const base = sanitizeHookFileName(hook.name);
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}

/**
 * The draft's secrets by name (trimmed, as they are sent to a run; unnamed rows are skipped).
 * A secret imported without its value has none to give and stays hidden, which deploy-cli
 * reads as "leave the tenant's value unchanged".
 */
function secretsOf(hook: HookRecord, options: ExportOptions): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const row of hook.draft.secrets) {
    const name = row.name.trim();
    if (name === '' || name in secrets) continue;
    secrets[name] = options.includeSecrets && !row.notExported ? row.value : HIDDEN_SECRET_VALUE;
  }
  return secrets;
}

function fieldsOf(hook: HookRecord, script: string, options: ExportOptions): DeployCliFields {
  return {
    name: hook.name,
    triggerId: hook.pointId,
    enabled: hook.enabled,
    script,
    secrets: secretsOf(hook, options),
    dependencies: { ...hook.draft.dependencies },
  };
}

/**
 * The tests of the hooks that have some, `hookpad-tests/<name>.json` beside the hooks' files
 * (which stay exactly as they would be without tests), secret values hidden as the hooks' are.
 */
function testFiles(
  hooks: readonly HookRecord[],
  names: readonly string[],
  options: ExportOptions,
): ExportedFile[] {
  return hooks.flatMap((hook, index) =>
    hook.tests.length === 0 ? [] : [hookTestsFile(hook, names[index] ?? 'hook', options)],
  );
}

/**
 * A deploy-cli directory export of the hooks' drafts: `hooks/<name>.js` with the code and
 * `hooks/<name>.json` with the other fields and `script: "./<name>.js"`; a hook's Action
 * draft in `actions/<name>.json` and `actions/<name>/code.js`; their tests in
 * `hookpad-tests/<name>.json`.
 */
export function exportDirectory(
  hooks: readonly HookRecord[],
  options: ExportOptions,
): ExportedFile[] {
  const names = fileNames(hooks);
  const hookFiles = hooks.flatMap((hook, index) => {
    const name = names[index] ?? 'hook';
    const fields = fieldsOf(hook, `./${name}.js`, options);
    return [
      { path: `hooks/${name}.js`, text: hook.draft.code },
      { path: `hooks/${name}.json`, text: `${JSON.stringify(fields, null, 2)}\n` },
    ];
  });
  const actionFiles = hooks.flatMap((hook, index) => {
    const name = names[index] ?? 'hook';
    const fields = actionFieldsOf(hook, name, secretsOf(hook, options));
    if (fields === undefined || hook.draft.action === undefined) return [];
    return [
      { path: `actions/${name}.json`, text: `${JSON.stringify(fields, null, 2)}\n` },
      { path: actionCodePath(name), text: hook.draft.action.code },
    ];
  });
  return [...hookFiles, ...actionFiles, ...testFiles(hooks, names, options)];
}

/**
 * A deploy-cli YAML export of the hooks' drafts: `tenant.yaml` with a `hooks:` list whose
 * items point at `./hooks/<name>.js`, and those files; the hooks' Action drafts in an
 * `actions:` list pointing at `./actions/<name>/code.js`; the tests in `hookpad-tests/<name>.json`.
 */
export function exportYaml(hooks: readonly HookRecord[], options: ExportOptions): ExportedFile[] {
  const names = fileNames(hooks);
  const items = hooks.map((hook, index) =>
    fieldsOf(hook, `./hooks/${names[index] ?? 'hook'}.js`, options),
  );
  const actions = hooks.flatMap((hook, index) => {
    const name = names[index] ?? 'hook';
    const fields = actionFieldsOf(hook, name, secretsOf(hook, options));
    return fields === undefined || hook.draft.action === undefined
      ? []
      : [{ fields, file: { path: actionCodePath(name), text: hook.draft.action.code } }];
  });
  // Without Actions, tenant.yaml stays exactly what a hooks-only export writes.
  const tenant =
    actions.length === 0
      ? { hooks: items }
      : { hooks: items, actions: actions.map((action) => action.fields) };
  return [
    { path: 'tenant.yaml', text: stringify(tenant) },
    ...hooks.map((hook, index) => ({
      path: `hooks/${names[index] ?? 'hook'}.js`,
      text: hook.draft.code,
    })),
    ...actions.map((action) => action.file),
    ...testFiles(hooks, names, options),
  ];
}

/** The files as one zip archive, folders taken from their paths. */
export function zipFiles(files: readonly ExportedFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((file) => [file.path, strToU8(file.text)])));
}
