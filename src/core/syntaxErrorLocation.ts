import loadAcorn from './loadAcorn.cjs';
import type { CodeLocation } from './schemas';

/**
 * Where a syntax error is, in the user's code. V8's `new Function` reports no position, so
 * acorn re-parses the same text the engine saw (the prelude line, then the user's code) with
 * the same goal: a sloppy script whose top level is a function body. Acorn's line is
 * shifted back over the prelude line; its 0-based column becomes 1-based.
 */
export function syntaxErrorLocation(prelude: string, code: string): CodeLocation | undefined {
  try {
    loadAcorn().parse(prelude + '\n' + code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowHashBang: true,
      locations: true,
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (loc && loc.line >= 2) return { line: loc.line - 1, column: loc.column + 1 };
  }
  return undefined;
}
