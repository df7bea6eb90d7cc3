import { child, childList, type AstNode } from '../lint/astWalk';
import type { PointId } from '../schemas';
import type { AnswerHelper } from './answerHelpers';
import { note, type PortContext } from './portContext';
import { textWithEdits } from './rangeEdits';

// Rules 3 and 4: what one `cb(error, answer)` call does, as the Action's statements. The caller
// adds the ending (`return;` / `throw e;`, or resolve/reject inside a promise).

export interface Answer {
  statements: string[];
  /** The error to throw (source text), when the call fails the run. */
  thrown?: string;
  /** The error may be null at run time: throw only when it is set, then apply the answer. */
  maybeThrown?: string;
}

export interface AnswerScope {
  point: PointId;
  /** The hook's scope parameter (credentials-exchange), to tell a kept scope from a changed one. */
  scopeName?: string;
  /** Answer variables whose claims were already rewritten in place (credentials-exchange). */
  appliedVariables: Set<string>;
  helpers: Set<AnswerHelper>;
}

const DENY_CODES: Record<string, string> = {
  InvalidScopeError: 'invalid_scope',
  InvalidRequestError: 'invalid_request',
  ServerError: 'server_error',
};
const HOOK_ERROR_CLASSES = new Set([
  'PreUserRegistrationError',
  'SendPhoneMessageError',
  'ExtensibilityUserError',
  ...Object.keys(DENY_CODES),
]);

export function text(context: PortContext, node: AstNode): string {
  context.embedded.push({ start: node.start, end: node.end });
  return textWithEdits(context.code, node.start, node.end, context.edits);
}

function isNothing(node: AstNode | undefined): boolean {
  if (!node) return true;
  if (node.type === 'Literal' && node.value === null && node.raw === 'null') return true;
  return node.type === 'Identifier' && node.name === 'undefined';
}

function keyName(property: AstNode): string | undefined {
  if (property.type !== 'Property' || property.kind !== 'init' || property.method) return undefined;
  const key = child(property, 'key');
  if (!property.computed && key?.type === 'Identifier') return String(key.name);
  return key?.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function metadataCalls(context: PortContext, answer: AstNode): string[] | undefined {
  const calls: string[] = [];
  for (const property of childList(answer, 'properties')) {
    const user = child(property, 'value');
    if (keyName(property) !== 'user' || user?.type !== 'ObjectExpression') return undefined;
    for (const group of childList(user, 'properties')) {
      const kind = keyName(group);
      const values = child(group, 'value');
      const method =
        kind === 'user_metadata'
          ? 'setUserMetadata'
          : kind === 'app_metadata'
            ? 'setAppMetadata'
            : undefined;
      if (!method || values?.type !== 'ObjectExpression') return undefined;
      for (const entry of childList(values, 'properties')) {
        const name = keyName(entry);
        const value = child(entry, 'value');
        if (name === undefined || !value) return undefined;
        calls.push(`api.user.${method}(${quote(name)}, ${text(context, value)});`);
      }
    }
  }
  return calls;
}

function claimCalls(
  context: PortContext,
  scope: AnswerScope,
  answer: AstNode,
): string[] | undefined {
  const calls: string[] = [];
  for (const property of childList(answer, 'properties')) {
    const name = keyName(property);
    const value = child(property, 'value');
    if (name === undefined || !value) return undefined;
    if (name === 'scope') {
      if (value.type !== 'Identifier' || value.name !== scope.scopeName) scopeNote(context, value);
      continue;
    }
    calls.push(`api.accessToken.setCustomClaim(${quote(name)}, ${text(context, value)});`);
  }
  return calls;
}

export function scopeNote(context: PortContext, node: AstNode): void {
  note(
    context,
    node,
    'scope',
    'Actions cannot replace the token’s scope: the requested scopes are kept. Grant them to the client instead.',
  );
}

function successStatements(
  context: PortContext,
  scope: AnswerScope,
  answer: AstNode | undefined,
): string[] {
  if (isNothing(answer) || !answer) return [];
  if (scope.point === 'pre-user-registration') {
    const calls = answer.type === 'ObjectExpression' ? metadataCalls(context, answer) : undefined;
    if (calls) return calls;
    scope.helpers.add('applyHookResponse');
    return [`applyHookResponse(api, ${text(context, answer)});`];
  }
  if (scope.point === 'credentials-exchange') {
    if (answer.type === 'Identifier' && scope.appliedVariables.has(String(answer.name))) return [];
    const calls =
      answer.type === 'ObjectExpression' ? claimCalls(context, scope, answer) : undefined;
    if (calls) return calls;
    scope.helpers.add('applyHookAccessToken');
    note(
      context,
      answer,
      'access token',
      'The token is built at run time: applyHookAccessToken sets each of its claims; a changed scope is not applied (Actions keep the requested scopes).',
    );
    return [`applyHookAccessToken(api, ${text(context, answer)});`];
  }
  return []; // the platform ignores the answer of the other points
}

function errorAnswer(
  context: PortContext,
  scope: AnswerScope,
  call: AstNode,
  error: AstNode,
): Answer {
  const callee = child(error, 'callee');
  const className =
    error.type === 'NewExpression' && callee?.type === 'Identifier' ? String(callee.name) : '';
  const args = childList(error, 'arguments').map((arg) => text(context, arg));
  if (scope.point === 'pre-user-registration' && className === 'PreUserRegistrationError') {
    return { statements: [`return api.access.deny(${args.join(', ')});`] };
  }
  const code = DENY_CODES[className];
  if (scope.point === 'credentials-exchange' && code) {
    return {
      statements: [`return api.access.deny(${[quote(code), ...args.slice(0, 1)].join(', ')});`],
    };
  }
  if (HOOK_ERROR_CLASSES.has(className)) {
    note(
      context,
      error,
      className,
      `Actions have no ${className} at this trigger: the Action fails with a plain Error carrying the same message.`,
    );
    return { statements: [], thrown: `new Error(${args[0] ?? ''})` };
  }
  const known =
    ['NewExpression', 'Literal', 'TemplateLiteral', 'ObjectExpression'].includes(error.type) ||
    childList(call, 'arguments').length === 1;
  return known
    ? { statements: [], thrown: text(context, error) }
    : { statements: [], maybeThrown: text(context, error) };
}

/** The Action's statements for one `cb(...)` call, by its arguments. */
export function answerOf(context: PortContext, scope: AnswerScope, call: AstNode): Answer {
  const [error, answer] = childList(call, 'arguments');
  if (error && !isNothing(error)) {
    const failed = errorAnswer(context, scope, call, error);
    if (failed.maybeThrown === undefined) return failed;
    return { ...failed, statements: successStatements(context, scope, answer) };
  }
  return { statements: successStatements(context, scope, answer) };
}
