import { FUNCTION_TYPES, child, childList, walk, type AstNode } from './astWalk';
import { hintAt, type LintHint } from './lintHint';

// Node delivers an http(s) response body in 'data' chunks (16 KiB each; docs/runtime-semantics.md
// §12): parsing one chunk works for a small answer and breaks once the answer grows. Flagged:
// `JSON.parse(…)` of the chunk itself inside a `.on('data', chunk => …)` handler.

export const JSON_PARSE_OF_CHUNK =
  "JSON.parse of one 'data' chunk: a larger answer arrives in several chunks; collect them and parse on 'end'";

const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener']);

function propertyName(node: AstNode | undefined): string | undefined {
  if (node?.type !== 'MemberExpression' || node.computed === true) return undefined;
  const property = child(node, 'property');
  return property?.type === 'Identifier' ? String(property.name) : undefined;
}

/** The handler of `x.on('data', handler)`, when it is a function written in place. */
function dataHandler(node: AstNode): AstNode | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const name = propertyName(child(node, 'callee'));
  if (name === undefined || !LISTEN.has(name)) return undefined;
  const [event, handler] = childList(node, 'arguments');
  if (event?.type !== 'Literal' || event.value !== 'data') return undefined;
  return handler && FUNCTION_TYPES.has(handler.type) ? handler : undefined;
}

function isJsonParse(node: AstNode): boolean {
  const callee = child(node, 'callee');
  const object = callee && child(callee, 'object');
  return (
    node.type === 'CallExpression' &&
    propertyName(callee) === 'parse' &&
    object?.type === 'Identifier' &&
    object.name === 'JSON'
  );
}

function mentions(node: AstNode, name: string): boolean {
  let found = false;
  walk(node, (inner) => {
    if (inner.type === 'Identifier' && inner.name === name) found = true;
    return !found;
  });
  return found;
}

export function dataChunkHints(code: string, program: AstNode): LintHint[] {
  const hints: LintHint[] = [];
  walk(program, (node) => {
    const handler = dataHandler(node);
    const chunk = handler && childList(handler, 'params')[0];
    if (!handler || chunk?.type !== 'Identifier') return;
    const name = String(chunk.name);
    walk(handler, (inner) => {
      const argument = childList(inner, 'arguments')[0];
      if (isJsonParse(inner) && argument && mentions(argument, name)) {
        const callee = child(inner, 'callee') ?? inner;
        hints.push(hintAt(code, callee.start, callee.end, JSON_PARSE_OF_CHUNK));
      }
    });
  });
  return hints;
}
