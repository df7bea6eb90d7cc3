import type { PointId } from '../schemas';
import { getPoint, points } from '../points';
import { FUNCTION_TYPES, child, childList, isReference, patternNames, walk } from './astWalk';
import type { AstNode } from './astWalk';
import { hintAt, type LintHint } from './lintHint';

// The platform declares the point's error classes in a prelude (docs/runtime-semantics.md §4); any
// other point's class, or a plausible class that no point has, is a ReferenceError at runtime.

/** Names people reach for that no point defines. */
const NEVER_DEFINED = [
  'PostUserRegistrationError',
  'PostChangePasswordError',
  'CredentialsExchangeError',
  'ClientCredentialsExchangeError',
  'UserRegistrationError',
  'PreRegistrationError',
  'SendSmsError',
  'SendPhoneError',
  'InvalidClientError',
  'InvalidGrantError',
  'UnauthorizedClientError',
  'AccessDeniedError',
];

const KNOWN = new Set([...points.flatMap((point) => point.errorClasses), ...NEVER_DEFINED]);

/** Every name the code itself declares (var, let, const, function, class, parameter, catch). */
function declaredNames(program: AstNode): Set<string> {
  const names = new Set<string>();
  walk(program, (node) => {
    if (node.type === 'VariableDeclarator') patternNames(child(node, 'id')).forEach(add);
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      patternNames(child(node, 'id')).forEach(add);
    }
    if (FUNCTION_TYPES.has(node.type)) {
      patternNames(child(node, 'id')).forEach(add);
      childList(node, 'params').flatMap(patternNames).forEach(add);
    }
    if (node.type === 'CatchClause') patternNames(child(node, 'param')).forEach(add);
  });
  return names;

  function add(name: string): void {
    names.add(name);
  }
}

export function errorClassHints(code: string, program: AstNode, pointId: PointId): LintHint[] {
  const available = getPoint(pointId).errorClasses;
  const declared = declaredNames(program);
  const hints: LintHint[] = [];
  walk(program, (node, parent) => {
    if (node.type !== 'Identifier') return;
    const name = String(node.name);
    if (!KNOWN.has(name) || available.includes(name) || declared.has(name)) return;
    if (!isReference(parent)) return;
    // `typeof X` does not throw for an undeclared X.
    if (parent?.node.type === 'UnaryExpression' && parent.node.operator === 'typeof') return;
    const here = ['ExtensibilityUserError', ...available].join(', ');
    hints.push(
      hintAt(
        code,
        node.start,
        node.end,
        `${name} does not exist at this extensibility point; the platform throws a ReferenceError (available here: ${here})`,
      ),
    );
  });
  return hints;
}
