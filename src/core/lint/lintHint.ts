import { getLineInfo } from 'acorn';

/** A warning about the hook's code; positions are 1-based, the end column exclusive. */
export interface LintHint {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** A hint covering the source offsets [start, end). */
export function hintAt(code: string, start: number, end: number, message: string): LintHint {
  const from = getLineInfo(code, start);
  const to = getLineInfo(code, Math.max(start, end));
  return {
    line: from.line,
    column: from.column + 1,
    endLine: to.line,
    endColumn: to.column + 1,
    message,
  };
}
