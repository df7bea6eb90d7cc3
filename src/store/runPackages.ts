import type { ModuleRequest, RunRequest } from '../core/schemas';
import { messageOf } from '../packages/packageError';
import type { HookRecord } from '../workspace/hookRecord';
import type { RunInputs } from '../workspace/run/runInputs';
import type { TreeForRun } from './packageTrees';

/** What a run's dependencies are read from (the reading itself loads with the package code). */
export interface RunDependencySource {
  /** The code that runs: its literal requires. */
  code: string;
  /** The declared versions (the hook's, or its Action's for an Action run). */
  declared: Readonly<Record<string, string>>;
  /** What the last run required (dynamic names included). */
  lastRequires?: readonly ModuleRequest[];
}

export function runDependencySource(
  hook: Pick<HookRecord, 'draft'>,
  inputs: Pick<RunInputs, 'kind' | 'code'>,
  lastRequires?: readonly ModuleRequest[],
): RunDependencySource {
  const declared =
    inputs.kind === 'action' ? (hook.draft.action?.dependencies ?? {}) : hook.draft.dependencies;
  return { code: inputs.code, declared, ...(lastRequires ? { lastRequires } : {}) };
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
