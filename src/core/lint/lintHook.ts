import { parse } from 'acorn';
import type { PointId } from '../schemas';
import { isNode } from './astWalk';
import { callbackHints } from './callbackRules';
import { errorClassHints } from './errorClassRule';
import type { LintHint } from './lintHint';
import { placeholderHints } from './placeholderRule';

export type { LintHint } from './lintHint';

/**
 * Warnings about mistakes the platform would only reveal at runtime: a path that never calls
 * cb, an unrendered deploy-time placeholder, an error class the point does not define.
 * Never throws; code that does not parse yields no hints (the run reports the syntax error).
 */
export function lintHook(code: string, pointId: PointId): LintHint[] {
  let program: unknown;
  try {
    // As the platform compiled it: a sloppy-mode function body (so a top-level return parses).
    program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowHashBang: true,
    });
  } catch {
    return [];
  }
  if (!isNode(program)) return [];
  const hints = [
    ...callbackHints(code, program, pointId),
    ...placeholderHints(code, program),
    ...errorClassHints(code, program, pointId),
  ];
  return hints.sort((a, b) => a.line - b.line || a.column - b.column);
}
