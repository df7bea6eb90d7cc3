import type { PointId } from '../schemas';
import { getPoint } from '../points';
import { FUNCTION_TYPES, child, childList, isReference, walk, type AstNode } from './astWalk';
import { hintAt, type LintHint } from './lintHint';

// The platform answers when the hook calls cb; a path that returns without calling it (or handing
// it on) waits until the time limit (docs/runtime-semantics.md §6). Only obvious cases are
// reported: any earlier mention of the callback on the path counts as calling it.

export const NO_CB_ON_PATH =
  'This path returns without calling cb: the platform waits until it times out';

function isModuleExports(node: AstNode | undefined): boolean {
  if (node?.type !== 'MemberExpression') return false;
  const object = child(node, 'object');
  const property = child(node, 'property');
  const name = node.computed ? property?.value : property?.name;
  return object?.type === 'Identifier' && object.name === 'module' && name === 'exports';
}

/** The function the module exports: `module.exports = function…`, an arrow, or a named one. */
export function exportedFunction(program: AstNode): AstNode | undefined {
  let exported: AstNode | undefined;
  for (const statement of childList(program, 'body')) {
    if (statement.type !== 'ExpressionStatement') continue;
    let expression = child(statement, 'expression');
    // `exports = module.exports = fn` and `module.exports = exports = fn`.
    let isExport = false;
    while (expression?.type === 'AssignmentExpression' && expression.operator === '=') {
      isExport ||= isModuleExports(child(expression, 'left'));
      expression = child(expression, 'right');
    }
    if (isExport) exported = expression;
  }
  if (exported?.type === 'Identifier') return declaredFunction(program, String(exported.name));
  return exported && FUNCTION_TYPES.has(exported.type) ? exported : undefined;
}

function declaredFunction(program: AstNode, name: string): AstNode | undefined {
  for (const statement of childList(program, 'body')) {
    if (statement.type === 'FunctionDeclaration' && child(statement, 'id')?.name === name) {
      return statement;
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of childList(statement, 'declarations')) {
      const init = child(declarator, 'init');
      if (child(declarator, 'id')?.name === name && init && FUNCTION_TYPES.has(init.type)) {
        return init;
      }
    }
  }
  return undefined;
}

/** True when `node` refers to one of `names` anywhere inside it (nested functions included). */
function mentions(node: AstNode | undefined, names: ReadonlySet<string>): boolean {
  if (!node) return false;
  let found = false;
  walk(node, (inner, parent) => {
    if (found) return false;
    if (inner.type === 'Identifier' && names.has(String(inner.name)) && isReference(parent)) {
      found = true;
    }
  });
  return found;
}

/**
 * The callback and everything that stands for it: `arguments`, and local functions or
 * variables whose definition mentions it (`function done() { cb(); }`, `var next = cb;`).
 */
function callbackNames(body: AstNode, callback: string): Set<string> {
  const names = new Set([callback, 'arguments']);
  const definitions: [string, AstNode][] = [];
  walk(body, (node) => {
    const id = child(node, 'id');
    if (node.type === 'FunctionDeclaration' && id) definitions.push([String(id.name), node]);
    const init = child(node, 'init');
    if (node.type === 'VariableDeclarator' && id?.type === 'Identifier' && init) {
      definitions.push([String(id.name), init]);
    }
  });
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, definition] of definitions) {
      if (!names.has(name) && mentions(definition, names)) {
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
}

/** Whether running this statement hands the callback on; declaring a function does not. */
function statementMentions(statement: AstNode, names: ReadonlySet<string>): boolean {
  if (statement.type === 'FunctionDeclaration') return false;
  if (statement.type === 'VariableDeclaration') {
    return childList(statement, 'declarations').some((declarator) => {
      const init = child(declarator, 'init');
      return init !== undefined && !FUNCTION_TYPES.has(init.type) && mentions(init, names);
    });
  }
  return mentions(statement, names);
}

function returnHints(code: string, body: AstNode, names: ReadonlySet<string>): LintHint[] {
  const hints: LintHint[] = [];
  const block = (statements: AstNode[], handled: boolean): boolean =>
    statements.reduce((soFar, statement) => visit(statement, soFar), handled);

  /** Reports bare returns in `statement`; answers whether cb was mentioned by its end. */
  function visit(statement: AstNode, handled: boolean): boolean {
    const after = handled || statementMentions(statement, names);
    const inner = (key: string) => handled || mentions(child(statement, key), names);
    switch (statement.type) {
      case 'ReturnStatement':
        if (!handled && !mentions(child(statement, 'argument'), names)) {
          hints.push(hintAt(code, statement.start, statement.end, NO_CB_ON_PATH));
        }
        return true;
      case 'BlockStatement':
        block(childList(statement, 'body'), handled);
        return after;
      case 'IfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'LabeledStatement':
      case 'WithStatement': {
        const head =
          inner('test') || inner('init') || inner('update') || inner('right') || inner('object');
        for (const key of ['consequent', 'alternate', 'body']) {
          const nested = child(statement, key);
          if (nested) visit(nested, head);
        }
        return after;
      }
      case 'TryStatement': {
        const handler = child(statement, 'handler');
        const parts = [child(statement, 'block'), handler && child(handler, 'body')];
        for (const nested of [...parts, child(statement, 'finalizer')]) {
          if (nested) visit(nested, handled);
        }
        return after;
      }
      case 'SwitchStatement':
        for (const switchCase of childList(statement, 'cases')) {
          block(childList(switchCase, 'consequent'), inner('discriminant'));
        }
        return after;
      default:
        return after;
    }
  }

  block(childList(body, 'body'), false);
  return hints;
}

export function callbackHints(code: string, program: AstNode, pointId: PointId): LintHint[] {
  const fn = exportedFunction(program);
  if (!fn) return [];
  const point = getPoint(pointId);
  const arity = point.params.length;
  const params = childList(fn, 'params');
  const body = child(fn, 'body');
  if (!body || params.some((param) => param.type !== 'Identifier')) return [];
  const signature = `(${point.params.join(', ')})`;

  if (params.length !== arity) {
    if (params.length < arity && mentions(body, new Set(['arguments']))) return [];
    const first = params[0];
    const last = params[params.length - 1];
    const range: [number, number] =
      first && last ? [first.start, last.end] : [fn.start, body.start];
    const lastName = String(last?.name);
    const detail =
      params.length > arity
        ? `here the callback arrives as \`${String(params[arity - 1]?.name)}\` and \`${lastName}\` is undefined`
        : last
          ? `here \`${lastName}\` receives \`${point.params[params.length - 1]}\` and the callback is not a parameter`
          : 'this function takes no parameters, so it never receives the callback';
    return [
      hintAt(code, range[0], range[1], `This point calls the hook with ${signature}: ${detail}`),
    ];
  }

  const callback = params[arity - 1];
  if (!callback) return [];
  const name = String(callback.name);
  const names = callbackNames(body, name);
  if (!mentions(body, names)) {
    return [
      hintAt(
        code,
        callback.start,
        callback.end,
        `\`${name}\` is never called: the hook never answers, so the platform waits until it times out`,
      ),
    ];
  }
  return body.type === 'BlockStatement' ? returnHints(code, body, names) : [];
}
