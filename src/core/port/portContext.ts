import {
  FUNCTION_TYPES,
  child,
  childList,
  patternNames,
  walk,
  type AstNode,
  type Parent,
} from '../lint/astWalk';
import type { RangeEdit } from './rangeEdits';

// What the port's rules share while they read one hook: its text, the tree's parent links,
// and the edits and notes they add.

/** A construct left for a person: noted above the statement holding `offset`. */
export interface PendingNote {
  offset: number;
  construct: string;
  message: string;
}

export interface PortContext {
  code: string;
  parents: Map<AstNode, Parent>;
  edits: RangeEdit[];
  notes: PendingNote[];
  /** Source ranges whose text a rewrite carried over into the Action. */
  embedded: { start: number; end: number }[];
  /** Source ranges a rewrite dropped (e.g. the ignored answer of cb): no notes there. */
  dropped: { start: number; end: number }[];
  /** Callbacks whose bodies now run in the hook function itself (promise chains awaited). */
  lifted: Set<AstNode>;
}

export function createPortContext(code: string, program: AstNode): PortContext {
  const parents = new Map<AstNode, Parent>();
  walk(program, (node, parent) => {
    if (parent) parents.set(node, parent);
  });
  return { code, parents, edits: [], notes: [], embedded: [], dropped: [], lifted: new Set() };
}

export function note(
  context: PortContext,
  node: AstNode,
  construct: string,
  message: string,
): void {
  context.notes.push({ offset: node.start, construct, message });
}

/** The source text of a node. */
export function sourceOf(context: PortContext, node: AstNode): string {
  return context.code.slice(node.start, node.end);
}

/** The nearest enclosing function of a node (undefined at the top level). */
export function enclosingFunction(context: PortContext, node: AstNode): AstNode | undefined {
  let parent = context.parents.get(node);
  while (parent && (!FUNCTION_TYPES.has(parent.node.type) || context.lifted.has(parent.node))) {
    parent = context.parents.get(parent.node);
  }
  return parent?.node;
}

/** The statement holding a node (the node itself when it is one). */
export function enclosingStatement(context: PortContext, node: AstNode): AstNode {
  let current = node;
  while (!/(Statement|Declaration)$/.test(current.type)) {
    const parent = context.parents.get(current);
    if (!parent) return current;
    current = parent.node;
  }
  return current;
}

/** Every name a function declares for its body: parameters, var/let/const, functions, classes. */
export function declaredNames(fn: AstNode): Set<string> {
  const names = new Set(childList(fn, 'params').flatMap((param) => patternNames(param)));
  const body = child(fn, 'body');
  if (!body) return names;
  walk(body, (node) => {
    if (node.type === 'VariableDeclarator')
      patternNames(child(node, 'id')).forEach((n) => names.add(n));
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') {
      const id = child(node, 'id');
      if (id) names.add(String(id.name));
    }
    if (node.type === 'CatchClause')
      patternNames(child(node, 'param')).forEach((n) => names.add(n));
    return !FUNCTION_TYPES.has(node.type) || node === body;
  });
  return names;
}
