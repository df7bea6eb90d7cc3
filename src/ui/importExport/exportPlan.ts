import { HIDDEN_SECRET_VALUE } from '../../workspace/deployCliHookSchema';
import { HOOK_NAME_PATTERN, HOOK_NAME_RULE, type HookRecord } from '../../workspace/hookRecord';

export type ExportFormat = 'directory' | 'yaml' | 'workspace';
export type ExportScope = 'selected' | 'all';

export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  fileName: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'directory', label: 'deploy-cli directory (zip)', fileName: 'hookpad-hooks.zip' },
  { id: 'yaml', label: 'deploy-cli YAML (zip)', fileName: 'tenant-yaml.zip' },
  { id: 'workspace', label: 'Hookpad workspace (JSON)', fileName: 'hookpad-workspace.json' },
];

export function exportFormat(id: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((format) => format.id === id) ?? EXPORT_FORMATS[0]!;
}

/** What happens to secret values in this format, in one sentence. */
export function secretsNote(format: ExportFormat, includeSecrets: boolean): string {
  if (includeSecrets) {
    return 'Secret values are written in clear text: keep the file as safe as the secrets.';
  }
  if (format === 'workspace') {
    return 'Secret values are left out: each secret is exported with an empty value, flagged as not exported.';
  }
  return `Secret values are exported as ${HIDDEN_SECRET_VALUE} (deploy-cli then leaves the tenant's value unchanged).`;
}

/** One warning per hook whose name the platform (and so the deploy CLI) would refuse. */
export function nameWarnings(hooks: readonly HookRecord[]): string[] {
  return hooks
    .filter((hook) => !HOOK_NAME_PATTERN.test(hook.name))
    .map(
      (hook) =>
        `“${hook.name}” breaks the platform's name rule, so the deploy CLI would refuse it ` +
        `(it is exported as it is). ${HOOK_NAME_RULE}`,
    );
}

export interface ExportDownload {
  name: string;
  data: Uint8Array | string;
  type: string;
}

/** The file to download. The exporters (yaml, fflate) load on first use. */
export async function buildExport(
  format: ExportFormat,
  selected: readonly HookRecord[],
  includeSecrets: boolean,
  now: number = Date.now(),
): Promise<ExportDownload> {
  let hooks = selected;
  const options = { includeSecrets };
  const { fileName } = exportFormat(format);
  // The platform's `dependencies`: what the code requires, pinned by what the hook declares.
  const { exportedDependencies } = await import('../../workspace/draft/dependencies');
  hooks = hooks.map((hook) => ({
    ...hook,
    draft: {
      ...hook.draft,
      dependencies: exportedDependencies(hook.draft.code, hook.draft.dependencies),
    },
  }));
  if (format === 'workspace') {
    const { exportWorkspaceJson } = await import('../../workspace/workspaceJson');
    return {
      name: fileName,
      data: exportWorkspaceJson(hooks, options, now),
      type: 'application/json',
    };
  }
  const { exportDirectory, exportYaml, zipFiles } = await import('../../workspace/exportHooks');
  const files = format === 'yaml' ? exportYaml(hooks, options) : exportDirectory(hooks, options);
  return { name: fileName, data: zipFiles(files), type: 'application/zip' };
}
