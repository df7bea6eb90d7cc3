import { FUNCTION_TYPES, child, childList, type AstNode } from '../lint/astWalk';
import { answerOf, type Answer, type AnswerScope } from './answerStatements';
import { enclosingFunction, note, type PortContext } from './portContext';
import { lineStart } from './rangeEdits';
import { forEachReference } from './references';

// Rules 3–5: each `cb(...)` becomes the Action's statements. Called in the hook function itself
// it ends with `return;` / `throw e;`. Called from a nested callback (a timer, a request's
// callback) it cannot return for the Action: the whole body is then wrapped in
// `await new Promise((resolve, reject) => { … })` and cb calls end with resolve() / reject(e).

export interface CallbackUse {
  /** cb is called from a nested function: the body needs the promise wrapper. */
  nested: boolean;
  /** How many cb calls the port translated. */
  calls: number;
  /** Whether the hook mentions cb at all. */
  mentioned: boolean;
}

function ending(answer: Answer, promise: boolean): string[] {
  const { statements } = answer;
  const last = statements[statements.length - 1];
  if (last?.startsWith('return ')) {
    // api.access.deny(…): in a promise, deny then settle.
    return promise ? [last.slice('return '.length), 'return resolve();'] : statements;
  }
  const guard = answer.maybeThrown
    ? [
        promise
          ? `if (${answer.maybeThrown}) return reject(${answer.maybeThrown});`
          : `if (${answer.maybeThrown}) throw ${answer.maybeThrown};`,
      ]
    : [];
  if (answer.thrown)
    return [promise ? `return reject(${answer.thrown});` : `throw ${answer.thrown};`];
  return [...guard, ...statements, promise ? 'return resolve();' : 'return;'];
}

function isStatementList(parent: { node: AstNode; key: string } | undefined): boolean {
  if (!parent) return false;
  return (
    (parent.key === 'body' &&
      (parent.node.type === 'BlockStatement' || parent.node.type === 'Program')) ||
    (parent.key === 'consequent' && parent.node.type === 'SwitchCase')
  );
}

function replaceStatement(context: PortContext, statement: AstNode, statements: string[]): void {
  const { indent } = lineStart(context.code, statement.start);
  const inList = isStatementList(context.parents.get(statement));
  const text =
    inList || statements.length === 1
      ? statements.join(`\n${indent}`)
      : `{\n${indent}  ${statements.join(`\n${indent}  `)}\n${indent}}`;
  context.edits.push({ start: statement.start, end: statement.end, text });
}

/** Finds whether cb is used from nested functions (decided before translating any call). */
export function callbackUse(
  context: PortContext,
  fn: AstNode,
  cbName: string | undefined,
): CallbackUse {
  const use: CallbackUse = { nested: false, calls: 0, mentioned: false };
  const body = child(fn, 'body');
  if (!cbName || !body) return use;
  forEachReference(body, new Set([cbName]), (identifier) => {
    use.mentioned = true;
    if (enclosingFunction(context, identifier) !== fn) use.nested = true;
  });
  return use;
}

/** Rewrites every cb call; `promise` = the body is wrapped (see above). */
export function translateCallbacks(
  context: PortContext,
  fn: AstNode,
  cbName: string,
  scope: AnswerScope,
  promise: boolean,
): number {
  const body = child(fn, 'body');
  let calls = 0;
  if (!body) return calls;
  forEachReference(body, new Set([cbName]), (identifier) => {
    const parent = context.parents.get(identifier);
    const call = parent?.node;
    if (call?.type !== 'CallExpression' || parent?.key !== 'callee') {
      note(
        context,
        identifier,
        cbName,
        `${cbName} is handed on as a value: call the Action’s api where it answers, then return.`,
      );
      return;
    }
    const holder = context.parents.get(call);
    const statement = holder?.node;
    const embeddedBefore = context.embedded.length;
    const answer = answerOf(context, scope, call);
    const carried = context.embedded.slice(embeddedBefore);
    for (const argument of childList(call, 'arguments')) {
      if (!carried.some((range) => range.start < argument.end && argument.start < range.end)) {
        context.dropped.push({ start: argument.start, end: argument.end });
      }
    }
    const statements = ending(answer, promise);
    calls += 1;
    if (
      statement?.type === 'ExpressionStatement' ||
      (statement?.type === 'ReturnStatement' && holder?.key === 'argument')
    ) {
      if (statement.type === 'ExpressionStatement' && hasStatementsAfter(context, statement)) {
        note(
          context,
          statement,
          `${cbName}()`,
          `The hook went on after ${cbName}(); the Action returns here, so the statements after it no longer run.`,
        );
      }
      replaceStatement(context, statement, statements);
    } else if (statement && FUNCTION_TYPES.has(statement.type) && holder?.key === 'body') {
      context.edits.push({ start: call.start, end: call.end, text: `{ ${statements.join(' ')} }` });
    } else {
      calls -= 1;
      note(
        context,
        call,
        `${cbName}()`,
        `${cbName} is called inside an expression: rewrite it as the Action’s api calls and a return.`,
      );
    }
  });
  return calls;
}

function hasStatementsAfter(context: PortContext, statement: AstNode): boolean {
  const parent = context.parents.get(statement);
  if (!parent || !isStatementList(parent)) return false;
  const list = parent.node[parent.key];
  if (!Array.isArray(list)) return false;
  const rest = list.slice(list.indexOf(statement) + 1) as AstNode[];
  return rest.some((next) => next.type !== 'FunctionDeclaration' && next.type !== 'EmptyStatement');
}
