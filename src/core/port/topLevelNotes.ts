import { child, isReference, walk, type AstNode } from '../lint/astWalk';
import { note, type PortContext } from './portContext';

// Rule 7 outside the hook's own arguments: `global` caches, and webtask fields read through a
// context handed to helper functions (`function getToken(context) { context.webtask.storage… }`).

const GLOBAL_MESSAGE =
  'Actions may reuse or drop globals between executions: do not rely on them as a cache; use api.cache or an external store.';

export function topLevelNotes(
  context: PortContext,
  program: AstNode,
  hookBody: AstNode | undefined,
): void {
  walk(program, (node, parent) => {
    if (node.type === 'Identifier' && node.name === 'global' && isReference(parent)) {
      note(context, node, 'global', GLOBAL_MESSAGE);
    }
  });
  walk(program, (node) => {
    if (node === hookBody) return false; // the hook's own context is ported argument by argument
    if (node.type !== 'MemberExpression' || node.computed) return undefined;
    const object = child(node, 'object');
    if (child(node, 'property')?.name !== 'webtask' || object?.type !== 'Identifier')
      return undefined;
    const upper = context.parents.get(node);
    const field =
      upper?.node.type === 'MemberExpression' ? child(upper.node, 'property')?.name : undefined;
    const construct = `${String(object.name)}.webtask${field ? `.${String(field)}` : ''}`;
    note(
      context,
      node,
      construct,
      field === 'storage'
        ? 'Actions have no webtask storage: use api.cache for data within one execution, or an external store.'
        : field === 'secrets'
          ? 'A function outside the hook reads the webtask secrets: hand it event.secrets instead.'
          : 'Actions have no webtask context: find the equivalent on event or api, or remove it.',
    );
    return undefined;
  });
}
