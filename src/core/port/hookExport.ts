import { FUNCTION_TYPES, child, childList, type AstNode } from '../lint/astWalk';

// The hook's export, as the port rewrites it: the `module.exports = …` statement and the
// function it names (a function or arrow expression, or a function declared by name).

export interface HookExport {
  /** The `module.exports = …;` statement. */
  statement: AstNode;
  fn: AstNode;
  /** Set when the export names a declared function: `module.exports = name`. */
  name?: string;
}

function isModuleExports(node: AstNode | undefined): boolean {
  if (node?.type !== 'MemberExpression') return false;
  const object = child(node, 'object');
  const property = child(node, 'property');
  const name = node.computed ? property?.value : property?.name;
  return object?.type === 'Identifier' && object.name === 'module' && name === 'exports';
}

function declaredFunction(program: AstNode, name: string): AstNode | undefined {
  return childList(program, 'body').find(
    (statement) =>
      statement.type === 'FunctionDeclaration' && child(statement, 'id')?.name === name,
  );
}

/** The last top-level `module.exports = fn`, or undefined when the hook has none the port knows. */
export function findHookExport(program: AstNode): HookExport | undefined {
  let found: HookExport | undefined;
  for (const statement of childList(program, 'body')) {
    if (statement.type !== 'ExpressionStatement') continue;
    const expression = child(statement, 'expression');
    if (expression?.type !== 'AssignmentExpression' || expression.operator !== '=') continue;
    if (!isModuleExports(child(expression, 'left'))) continue;
    const right = child(expression, 'right');
    if (right && FUNCTION_TYPES.has(right.type)) found = { statement, fn: right };
    else if (right?.type === 'Identifier') {
      const fn = declaredFunction(program, String(right.name));
      found = fn ? { statement, fn, name: String(right.name) } : undefined;
    } else found = undefined;
  }
  return found;
}
