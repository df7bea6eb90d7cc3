import type { ModuleRequest } from '../schemas';
import { coreModuleName } from '../node/coreModuleNames';

/** What the platform's "dependencies" would list for an unpinned module. */
export const UNPINNED_VERSION = 'latest';

/**
 * The hook's npm dependencies (name → version) from the modules it required: the pinned
 * version where a require had one (for a stored package, the version that ran), `latest`
 * otherwise. Node core modules are not listed.
 */
export function dependenciesOf(requires: readonly ModuleRequest[]): Record<string, string> {
  const dependencies: Record<string, string> = {};
  for (const request of requires) {
    if (request.kind === 'builtin' || coreModuleName(request.name) !== undefined) continue;
    const known = dependencies[request.name];
    // An unpinned stored package still ran one version: that is what to declare.
    const pinned = request.version ?? (request.kind === 'package' ? request.installed : undefined);
    if (pinned !== undefined && (known === undefined || known === UNPINNED_VERSION)) {
      dependencies[request.name] = pinned;
    } else if (known === undefined) {
      dependencies[request.name] = UNPINNED_VERSION;
    }
  }
  return dependencies;
}
