import type { ImportedHook, ImportFile, ImportProblem } from './importHooks';

// What an import says when a selection, or a zip in it, held no hooks.

export const NOTHING_FOUND =
  'expected a deploy-cli export (a hooks/ folder or a tenant.yaml), hook .js files or a Hookpad workspace .json';

/** A zip that yielded neither a hook nor a problem is reported, so it does not vanish silently. */
export function reportEmptyZips(
  zips: readonly string[],
  hooks: readonly ImportedHook[],
  problems: ImportProblem[],
): void {
  const inside = (zip: string, path: string) => path === zip || path.startsWith(`${zip}/`);
  for (const zip of zips) {
    const used =
      hooks.some((hook) => inside(zip, hook.source)) ||
      problems.some((problem) => inside(zip, problem.file));
    if (!used)
      problems.push({ file: zip, message: `No hooks found in this zip: ${NOTHING_FOUND}.` });
  }
}

/** What to call a selection that held nothing: its one file, or the folder it came in. */
export function selectionName(files: readonly ImportFile[]): string {
  if (files.length === 1) return files[0]?.path ?? 'import';
  const first = files[0]?.path.replace(/\\/g, '/') ?? '';
  const top = first.split('/')[0] ?? '';
  return first.includes('/') && files.every((file) => file.path.startsWith(`${top}/`))
    ? top
    : `${files.length} files`;
}
