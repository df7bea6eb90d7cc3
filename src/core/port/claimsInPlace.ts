import { child, childList, type AstNode } from '../lint/astWalk';
import { scopeNote, text, type AnswerScope } from './answerStatements';
import type { PortContext } from './portContext';
import { forEachReference } from './references';

// Rule 3 at credentials-exchange, the documented shape: `var access_token = { scope: scope };
// access_token['https://x/y'] = v; cb(null, access_token);` — each claim assignment becomes
// api.accessToken.setCustomClaim in place, `access_token.scope = scope` goes, a changed scope is
// noted. Any other use of the variable leaves it to the applyHookAccessToken helper.

function assignedKey(context: PortContext, member: AstNode): string | undefined {
  const property = child(member, 'property');
  if (!property) return undefined;
  if (!member.computed && property.type === 'Identifier') return `'${String(property.name)}'`;
  return text(context, property);
}

function isScopeKey(member: AstNode): boolean {
  const property = child(member, 'property');
  return member.computed
    ? property?.type === 'Literal' && property.value === 'scope'
    : property?.name === 'scope';
}

function isKeptScope(value: AstNode | undefined, scope: AnswerScope): boolean {
  return value?.type === 'Identifier' && value.name === scope.scopeName;
}

/** Rewrites the claims of each answer variable in place; records the variables it handled. */
export function rewriteClaimsInPlace(
  context: PortContext,
  fn: AstNode,
  cbName: string,
  scope: AnswerScope,
): void {
  const body = child(fn, 'body');
  if (!body) return;
  const candidates = new Map<string, AstNode>();
  forEachReference(body, new Set([cbName]), (identifier) => {
    const call = context.parents.get(identifier)?.node;
    const answer = call?.type === 'CallExpression' ? childList(call, 'arguments')[1] : undefined;
    if (answer?.type === 'Identifier') candidates.set(String(answer.name), answer);
  });
  for (const name of candidates.keys()) {
    const edits: { node: AstNode; text?: string }[] = [];
    let declared: AstNode | undefined;
    let safe = true;
    forEachReference(body, new Set([name]), (identifier) => {
      const parent = context.parents.get(identifier);
      const grand = parent ? context.parents.get(parent.node) : undefined;
      if (parent?.node.type === 'VariableDeclarator' && parent.key === 'id') {
        const init = child(parent.node, 'init');
        const keys = childList(init ?? parent.node, 'properties');
        safe &&=
          !declared &&
          init?.type === 'ObjectExpression' &&
          keys.every(
            (p) => p.type === 'Property' && !p.computed && child(p, 'key')?.name === 'scope',
          );
        declared = parent.node;
        const kept = keys.find((p) => child(p, 'key')?.name === 'scope');
        if (kept && !isKeptScope(child(kept, 'value'), scope)) edits.push({ node: kept });
      } else if (parent?.node.type === 'CallExpression' && parent.key === 'arguments') {
        safe &&= child(parent.node, 'callee')?.name === cbName;
      } else if (
        parent?.node.type === 'MemberExpression' &&
        parent.key === 'object' &&
        grand?.node.type === 'AssignmentExpression' &&
        grand.key === 'left' &&
        grand.node.operator === '=' &&
        context.parents.get(grand.node)?.node.type === 'ExpressionStatement'
      ) {
        const statement = context.parents.get(grand.node)?.node as AstNode;
        const value = child(grand.node, 'right') as AstNode;
        if (!isScopeKey(parent.node)) {
          edits.push({
            node: statement,
            text: `api.accessToken.setCustomClaim(${assignedKey(context, parent.node)}, ${text(context, value)});`,
          });
        } else if (isKeptScope(value, scope)) edits.push({ node: statement, text: '' });
        else edits.push({ node: value });
      } else safe = false;
    });
    if (!safe || !declared) continue;
    scope.appliedVariables.add(name);
    for (const edit of edits) {
      if (edit.text === undefined) scopeNote(context, edit.node);
      else context.edits.push({ start: edit.node.start, end: edit.node.end, text: edit.text });
    }
  }
}
