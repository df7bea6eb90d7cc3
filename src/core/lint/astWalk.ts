// A minimal walk over acorn's ESTree nodes: every own property holding a node or an array of
// nodes is a child. Enough for the few syntactic checks of lintHook.

export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** A child property of a node, or undefined when absent or not a node. */
export function child(node: AstNode, key: string): AstNode | undefined {
  const value = node[key];
  return isNode(value) ? value : undefined;
}

/** An array property of a node, keeping only the nodes. */
export function childList(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** Where a node sits in its parent, for checks that depend on it (property keys, typeof…). */
export interface Parent {
  node: AstNode;
  key: string;
}

/**
 * Visits `node` and its descendants depth-first. `visit` returning false skips the
 * node's children.
 */
export function walk(
  node: AstNode,
  visit: (node: AstNode, parent: Parent | undefined) => boolean | void,
  parent?: Parent,
): void {
  if (visit(node, parent) === false) return;
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit, { node, key });
    } else if (isNode(value)) {
      walk(value, visit, { node, key });
    }
  }
}

export const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
]);

/** False for identifiers that only name a property or label: `a.name`, `{ name: 1 }`, `name:`. */
export function isReference(parent: Parent | undefined): boolean {
  if (!parent) return true;
  const { node, key } = parent;
  switch (node.type) {
    case 'MemberExpression':
      return key !== 'property' || node.computed === true;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key !== 'key' || node.computed === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'MetaProperty':
      return false;
    default:
      return true;
  }
}

/** The names a binding pattern declares: `a`, `{ a, b: [c] }`, `...d`, `e = 1`. */
export function patternNames(pattern: AstNode | undefined): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [String(pattern.name)];
    case 'ObjectPattern':
      return childList(pattern, 'properties').flatMap((property) =>
        property.type === 'RestElement'
          ? patternNames(child(property, 'argument'))
          : patternNames(child(property, 'value')),
      );
    case 'ArrayPattern':
      return childList(pattern, 'elements').flatMap(patternNames);
    case 'AssignmentPattern':
      return patternNames(child(pattern, 'left'));
    case 'RestElement':
      return patternNames(child(pattern, 'argument'));
    default:
      return [];
  }
}
