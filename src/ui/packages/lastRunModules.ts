import type { ModuleRequest } from '../../core/schemas';
import type { AppState } from '../../store';
import { requiresOf } from '../../workspace/run/runState';

/** What a run gave the hook for a module, as the Dependencies region says it. */
export function moduleUseLabel(request: ModuleRequest): string {
  switch (request.kind) {
    case 'package':
      return `real ${request.installed}`;
    case 'mock':
      return 'mock';
    case 'auto-mock':
      return 'auto-mock';
    case 'client':
      return "Hookpad's client";
    case 'builtin':
      return 'Node built-in';
    case 'missing':
      return 'missing';
  }
}

const NO_REQUIRES: readonly ModuleRequest[] = [];

/** The modules the selected hook's last run required (none before a run, or for another hook). */
export function selectLastRunRequires(state: AppState): readonly ModuleRequest[] {
  const { run } = state;
  if (run.hookId !== state.selectedHookId) return NO_REQUIRES;
  return requiresOf(run.outcome) ?? NO_REQUIRES;
}

/** The last thing the run gave each module name (a later require of the same name wins). */
export function lastUseByName(requires: readonly ModuleRequest[]): Map<string, string> {
  const uses = new Map<string, string>();
  for (const request of requires) uses.set(request.name, moduleUseLabel(request));
  return uses;
}
