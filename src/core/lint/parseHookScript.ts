import { parse, type Comment } from 'acorn';
import { isNode, type AstNode } from './astWalk';

/**
 * The hook's code as the platform compiled it: a sloppy-mode script whose top-level `return`
 * parses (the code becomes a function body). Undefined when it does not parse; the run
 * reports that syntax error, so readers of the code just find nothing.
 */
export function parseHookScript(code: string, comments?: Comment[]): AstNode | undefined {
  try {
    const program: unknown = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowHashBang: true,
      ...(comments ? { onComment: comments } : {}),
    });
    return isNode(program) ? program : undefined;
  } catch {
    return undefined;
  }
}
