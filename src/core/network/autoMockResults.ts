import type { AutoMockResult } from '../networkSchemas';

// Which auto-mock result answers a call (docs/runtime-semantics.md §12). A call path is the
// module name and the properties read on the way to the call, calls left out:
// `require('stripe')(key).customers.create(…)` is `stripe.customers.create`. A rule names
// such a path exactly, or with `*` for the module root (`*.customers.create`, any module).

export interface AutoMockAnswer {
  /** The rule's path as the user wrote it: the SDK call entry says which rule answered. */
  rule: string;
  /** The result's JSON text; parsed once per call, so every call gets its own copy. */
  resultText: string;
}

/** The answer for a call at `path` of the module `root`, or undefined (the call gets `{}`). */
export type FindAutoMockResult = (root: string, path: string) => AutoMockAnswer | undefined;

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * The finder for these rules: an exact rule wins over a wildcard one, and among rules of one
 * kind the first listed wins. Rules without a path or with invalid JSON are not used (a run
 * refuses them before it starts; this keeps the engine safe from a request that did not).
 */
export function autoMockResultFinder(rules: readonly AutoMockResult[] = []): FindAutoMockResult {
  const exact = new Map<string, AutoMockAnswer>();
  const wildcard = new Map<string, AutoMockAnswer>();
  for (const { path, resultText } of rules) {
    const rule = path.trim();
    if (rule === '' || !isJson(resultText)) continue;
    const answer = { rule, resultText };
    if (rule === '*' || rule.startsWith('*.')) {
      if (!wildcard.has(rule.slice(1))) wildcard.set(rule.slice(1), answer);
    } else if (!exact.has(rule)) exact.set(rule, answer);
  }
  if (exact.size === 0 && wildcard.size === 0) return () => undefined;
  return (root, path) =>
    exact.get(path) ?? (path.startsWith(root) ? wildcard.get(path.slice(root.length)) : undefined);
}
