import { appStore } from '../../store';
import { runDependencySource } from '../../store/runPackages';
import type { HookRecord } from '../../workspace/hookRecord';
import { selectLastRunRequires } from '../packages/lastRunModules';

/**
 * The hook with its dependencies naming the stored versions it runs with, so that a share link
 * or a reproduction says which version to fetch (the receiver gets "Fetch from npm" for each).
 */
export async function withStoredVersions<H extends Pick<HookRecord, 'id' | 'draft'>>(
  hook: H,
): Promise<H> {
  const state = appStore.getState();
  const lastRequires =
    state.selectedHookId === hook.id ? [...selectLastRunRequires(state)] : undefined;
  const versions = await state.storedVersionsFor(
    runDependencySource(hook, { kind: 'hook', code: hook.draft.code }, lastRequires),
  );
  if (Object.keys(versions).length === 0) return hook;
  return {
    ...hook,
    draft: { ...hook.draft, dependencies: { ...hook.draft.dependencies, ...versions } },
  };
}
