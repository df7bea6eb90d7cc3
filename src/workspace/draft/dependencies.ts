import { dependenciesOf, UNPINNED_VERSION } from '../../core/network/dependenciesOf';
import { parseSpecifier } from '../../core/moduleSpecifier';
import type { ModuleRequest } from '../../core/schemas';

const REQUIRE_BEFORE = /\brequire\s*\(\s*$/;
const CLOSE_AFTER = /^\s*\)/;

/**
 * The module names the code passes to `require` as a string literal, in order: a small
 * static scan that skips comments and reads string literals (a template literal counts
 * when it has no substitutions), enough to list dependencies before a run.
 */
export function literalRequires(code: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < code.length) {
    const char = code[i]!;
    const next = code[i + 1];
    if (char === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
    } else if (char === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      let j = i + 1;
      let text = '';
      let plain = true;
      while (j < code.length && code[j] !== char) {
        if (code[j] === '\\') {
          plain = false;
          j += 2;
          continue;
        }
        if (char === '`' && code[j] === '$' && code[j + 1] === '{') plain = false;
        if (char !== '`' && code[j] === '\n') break;
        text += code[j];
        j += 1;
      }
      if (
        plain &&
        text.trim() !== '' &&
        REQUIRE_BEFORE.test(code.slice(Math.max(0, i - 40), i)) &&
        CLOSE_AFTER.test(code.slice(j + 1, j + 40))
      ) {
        names.push(text.trim());
      }
      i = j + 1;
    } else {
      i += 1;
    }
  }
  return names;
}

/** The literal requires as module requests (the kind only matters to dependenciesOf for core modules, which it detects by name). */
export function scanRequires(code: string): ModuleRequest[] {
  return literalRequires(code).map((specifier) => {
    const { name, version } = parseSpecifier(specifier);
    return version === undefined
      ? { name, kind: 'missing' as const }
      : { name, version, kind: 'missing' as const };
  });
}

/**
 * The hook's dependencies (name → version): what the code requires with a literal name,
 * merged with what the last run of the point actually required (dynamic names included).
 */
export function hookDependencies(
  code: string,
  runRequires: readonly ModuleRequest[] = [],
): Record<string, string> {
  return dependenciesOf([...scanRequires(code), ...runRequires]);
}

export type DependencySource = 'code' | 'declared' | 'both';

/**
 * What the hook depends on: the modules its code requires, with the versions the hook
 * declares (an import's `dependencies`) pinning the unpinned ones, and declared modules the
 * code does not require (yet) kept, so an export gives back what was imported.
 */
export function mergeDependencies(
  derived: Readonly<Record<string, string>>,
  declared: Readonly<Record<string, string>>,
): Record<string, { version: string; source: DependencySource }> {
  const merged: Record<string, { version: string; source: DependencySource }> = {};
  for (const [name, version] of Object.entries(derived)) merged[name] = { version, source: 'code' };
  for (const [name, version] of Object.entries(declared)) {
    const fromCode = merged[name];
    merged[name] = fromCode
      ? {
          version: fromCode.version === UNPINNED_VERSION ? version : fromCode.version,
          source: 'both',
        }
      : { version, source: 'declared' };
  }
  return merged;
}

/** The hook's dependencies as deploy-cli and the Management API list them (name → version). */
export function exportedDependencies(
  code: string,
  declared: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mergeDependencies(hookDependencies(code), declared)).map(([name, entry]) => [
      name,
      entry.version,
    ]),
  );
}
