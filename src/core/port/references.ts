import { FUNCTION_TYPES, child, isReference, walk, type AstNode } from '../lint/astWalk';
import { declaredNames } from './portContext';

// References to the hook's parameters inside its function, honouring shadowing: a nested
// function that declares the same name (a parameter, a var) hides it.

export function forEachReference(
  body: AstNode,
  names: ReadonlySet<string>,
  visit: (identifier: AstNode) => void,
): void {
  if (names.size === 0) return;
  walk(body, (node, parent) => {
    if (node !== body && FUNCTION_TYPES.has(node.type)) {
      const hidden = declaredNames(node);
      const visible = new Set([...names].filter((name) => !hidden.has(name)));
      // A function declaration's own name belongs to the outer scope; its params and body do not.
      for (const key of ['params', 'body']) {
        const value = node[key];
        const parts = Array.isArray(value) ? value : [value];
        for (const part of parts) {
          if (part && typeof part === 'object') forEachReference(part as AstNode, visible, visit);
        }
      }
      return false;
    }
    if (node.type === 'Identifier' && names.has(String(node.name)) && isReference(parent)) {
      // `{ user }` shorthand: the key is also the value node; acorn shares it, so visit once.
      visit(node);
    }
    return undefined;
  });
}

/** The member names read off `identifier`: `user.app_metadata['x']` → the chain's nodes. */
export function memberChain(
  identifier: AstNode,
  parents: Map<AstNode, { node: AstNode; key: string }>,
): { names: string[]; ends: number[]; outer: AstNode } {
  const names: string[] = [];
  const ends: number[] = [];
  let outer = identifier;
  for (;;) {
    const parent = parents.get(outer);
    if (parent?.node.type !== 'MemberExpression' || parent.key !== 'object') break;
    const property = child(parent.node, 'property');
    const name = parent.node.computed
      ? property?.type === 'Literal' && typeof property.value === 'string'
        ? property.value
        : undefined
      : property?.name;
    if (typeof name !== 'string') break;
    names.push(name);
    ends.push(parent.node.end);
    outer = parent.node;
  }
  return { names, ends, outer };
}
