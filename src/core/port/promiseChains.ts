import { FUNCTION_TYPES, child, childList, walk, type AstNode } from '../lint/astWalk';
import { enclosingFunction, type PortContext } from './portContext';
import { lineStart, textWithEdits } from './rangeEdits';

// Rule 5, the safe case: a statement `p.then(function (value) { … })` (optionally followed by
// `.catch(function (error) { … })`) in the hook function itself becomes `const value = await p;`
// and the callback's body (in `try { … } catch (error) { … }` with a catch), so the cb calls in
// it answer directly. Safe means: simple parameters, block bodies for a catch, and every
// `return` in the callbacks returns a cb call; with a catch, the then-callback throws nothing
// and answers no error (or the catch would now see it).

interface Chain {
  statement: AstNode;
  promise: AstNode;
  onFulfilled: AstNode;
  onRejected?: AstNode;
}

function methodCall(node: AstNode | undefined, name: string): AstNode | undefined {
  const callee = node?.type === 'CallExpression' ? child(node, 'callee') : undefined;
  if (callee?.type !== 'MemberExpression' || callee.computed) return undefined;
  return child(callee, 'property')?.name === name &&
    childList(node as AstNode, 'arguments').length === 1
    ? node
    : undefined;
}

function simpleCallback(fn: AstNode | undefined): boolean {
  if (!fn || !FUNCTION_TYPES.has(fn.type) || fn.type === 'FunctionDeclaration') return false;
  const params = childList(fn, 'params');
  return params.length <= 1 && params.every((param) => param.type === 'Identifier');
}

/** Walks a callback's own statements (not nested functions) and checks each node. */
function everyOwnNode(fn: AstNode, test: (node: AstNode) => boolean): boolean {
  let ok = true;
  walk(child(fn, 'body') as AstNode, (node) => {
    if (!ok || (FUNCTION_TYPES.has(node.type) && node !== fn)) return false;
    ok = test(node);
    return ok;
  });
  return ok;
}

function isCbCall(node: AstNode | undefined, cbName: string): boolean {
  return node?.type === 'CallExpression' && child(node, 'callee')?.name === cbName;
}

function returnsOnlyCb(fn: AstNode, cbName: string): boolean {
  return everyOwnNode(
    fn,
    (node) => node.type !== 'ReturnStatement' || isCbCall(child(node, 'argument'), cbName),
  );
}

function answersNoError(fn: AstNode, cbName: string): boolean {
  return everyOwnNode(fn, (node) => {
    if (node.type === 'ThrowStatement') return false;
    if (!isCbCall(node, cbName)) return true;
    const [error] = childList(node, 'arguments');
    return !error || (error.type === 'Literal' && error.value === null);
  });
}

function chainOf(statement: AstNode, cbName: string): Chain | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const expression = child(statement, 'expression');
  const caught = methodCall(expression, 'catch');
  const then = methodCall(
    caught ? child(child(caught, 'callee') as AstNode, 'object') : expression,
    'then',
  );
  if (!then) return undefined;
  const onFulfilled = childList(then, 'arguments')[0];
  const onRejected = caught ? childList(caught, 'arguments')[0] : undefined;
  const promise = child(child(then, 'callee') as AstNode, 'object');
  if (
    !promise ||
    !onFulfilled ||
    !simpleCallback(onFulfilled) ||
    !returnsOnlyCb(onFulfilled, cbName)
  )
    return undefined;
  if (onRejected) {
    const blocks = [onFulfilled, onRejected].every(
      (fn) => child(fn, 'body')?.type === 'BlockStatement',
    );
    if (!blocks || !simpleCallback(onRejected) || !returnsOnlyCb(onRejected, cbName))
      return undefined;
    if (!answersNoError(onFulfilled, cbName)) return undefined;
  }
  return { statement, promise, onFulfilled, onRejected };
}

function paramName(fn: AstNode): string | undefined {
  const param = childList(fn, 'params')[0];
  return param ? String(param.name) : undefined;
}

/** Rewrites the safe chains in the hook function; their callbacks then count as the hook's own. */
export function awaitPromiseChains(context: PortContext, fn: AstNode, cbName: string): void {
  const body = child(fn, 'body');
  if (!body) return;
  walk(body, (node) => {
    if (FUNCTION_TYPES.has(node.type)) return false;
    const chain = enclosingFunction(context, node) === fn ? chainOf(node, cbName) : undefined;
    if (!chain) return undefined;
    const { statement, promise, onFulfilled, onRejected } = chain;
    const { indent } = lineStart(context.code, statement.start);
    const value = paramName(onFulfilled);
    const awaited = `${value ? `const ${value} = ` : ''}await ${textWithEdits(context.code, promise.start, promise.end, context.edits)};`;
    const fulfilledBody = child(onFulfilled, 'body') as AstNode;
    const block = fulfilledBody.type === 'BlockStatement';
    const head = onRejected
      ? `try {\n${indent}  ${awaited}`
      : block
        ? awaited
        : `${awaited}\n${indent}`;
    context.edits.push({
      start: statement.start,
      end: fulfilledBody.start + (block ? 1 : 0),
      text: head,
    });
    if (onRejected) {
      const rejectedBody = child(onRejected, 'body') as AstNode;
      const error = paramName(onRejected);
      context.edits.push({
        start: fulfilledBody.end - 1,
        end: rejectedBody.start + 1,
        text: `} catch${error ? ` (${error})` : ''} {`,
      });
      context.edits.push({ start: rejectedBody.end - 1, end: statement.end, text: '}' });
      context.lifted.add(onRejected);
    } else {
      context.edits.push({
        start: fulfilledBody.end - (block ? 1 : 0),
        end: statement.end,
        text: block ? '' : ';',
      });
    }
    context.lifted.add(onFulfilled);
    return false;
  });
}
