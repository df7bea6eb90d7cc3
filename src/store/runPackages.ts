import type { ModuleRequest, RunRequest } from '../core/schemas';
import { messageOf } from '../packages/packageError';
import type { HookRecord } from '../workspace/hookRecord';
import { hookDependencies, mergeDependencies } from '../workspace/draft/dependencies';
import type { RunInputs } from '../workspace/run/runInputs';
import type { TreeForRun } from './packageTrees';

/**
 * The dependencies (name → range) a run looks for among the stored packages: what its code
 * requires with a literal name and what the last run required (dynamic names), pinned by the
 * declared versions (the hook's, or its Action's for an Action run).
 */
export function runDependencies(
  hook: Pick<HookRecord, 'draft'>,
  inputs: Pick<RunInputs, 'kind' | 'code'>,
  lastRequires: readonly ModuleRequest[] = [],
): Record<string, string> {
  const declared =
    inputs.kind === 'action' ? (hook.draft.action?.dependencies ?? {}) : hook.draft.dependencies;
  return Object.fromEntries(
    Object.entries(mergeDependencies(hookDependencies(inputs.code, lastRequires), declared)).map(
      ([name, { version }]) => [name, version],
    ),
  );
}

export type PackagedRequest = { ok: true; request: RunRequest } | { ok: false; message: string };

const packaged = (request: RunRequest, tree: TreeForRun): RunRequest =>
  tree.kind === 'ready' ? { ...request, packages: tree.tree } : request;

/**
 * The request with the stored packages it needs: at once when none are needed or their tree is
 * in memory, else once it has been read from storage (the first run after a change).
 */
export function withPackageTree(
  request: RunRequest,
  tree: TreeForRun,
): PackagedRequest | Promise<PackagedRequest> {
  if (tree.kind !== 'pending') return { ok: true, request: packaged(request, tree) };
  return tree.tree.then(
    (ready) => ({ ok: true as const, request: { ...request, packages: ready } }),
    (error: unknown) => ({
      ok: false as const,
      message: `The stored packages could not be laid out for this run: ${messageOf(error)}.`,
    }),
  );
}
