import { hookDependencies, mergeDependencies } from '../workspace/draft/dependencies';
import type { RunDependencySource } from './runPackages';

// Reading requires needs the list of Node's core modules, which lives beside their ports: this
// module loads with the rest of the package code (packageWork), never at the app's start.

/**
 * The dependencies (name → range) a run looks for among the stored packages: what its code
 * requires with a literal name and what the last run required, pinned by the declared versions.
 */
export function runDependencies({
  code,
  declared,
  lastRequires = [],
}: RunDependencySource): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mergeDependencies(hookDependencies(code, lastRequires), declared)).map(
      ([name, { version }]) => [name, version],
    ),
  );
}
