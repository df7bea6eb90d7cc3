import type { PointId } from '../schemas';
import { callbackHints } from './callbackRules';
import { dataChunkHints } from './dataChunkRule';
import { errorClassHints } from './errorClassRule';
import type { LintHint } from './lintHint';
import { parseHookScript } from './parseHookScript';
import { placeholderHints } from './placeholderRule';

export type { LintHint } from './lintHint';

/**
 * Warnings about mistakes the platform would only reveal at runtime: a path that never calls
 * cb, an unrendered deploy-time placeholder, an error class the point does not define, a
 * JSON.parse of one response chunk.
 * Never throws; code that does not parse yields no hints (the run reports the syntax error).
 */
export function lintHook(code: string, pointId: PointId): LintHint[] {
  const program = parseHookScript(code);
  if (!program) return [];
  const hints = [
    ...callbackHints(code, program, pointId),
    ...placeholderHints(code, program),
    ...errorClassHints(code, program, pointId),
    ...dataChunkHints(code, program),
  ];
  return hints.sort((a, b) => a.line - b.line || a.column - b.column);
}
