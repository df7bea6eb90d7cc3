import { child, childList, walk, type AstNode } from '../lint/astWalk';
import { coreModuleName } from '../node/coreModuleNames';
import { parseSpecifier } from '../moduleSpecifier';
import { note, type PortContext } from './portContext';

// Rule 6: `require('axios@1.6.8')` → `require('axios')` with axios 1.6.8 among the Action's
// dependencies. Node's core modules need no declaration; an npm module without a version gets a
// note (the Action must declare it).

export function portRequires(
  context: PortContext,
  program: AstNode,
  dependencies: Record<string, string>,
): void {
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const callee = child(node, 'callee');
    const [argument] = childList(node, 'arguments');
    if (callee?.type !== 'Identifier' || callee.name !== 'require') return;
    if (argument?.type !== 'Literal' || typeof argument.value !== 'string') return;
    const { name, version } = parseSpecifier(argument.value);
    const core = coreModuleName(name);
    if (version !== undefined) {
      context.edits.push({ start: argument.start, end: argument.end, text: `'${name}'` });
    }
    if (core !== undefined) return;
    if (version !== undefined) dependencies[name] = version;
    else if (!Object.hasOwn(dependencies, name)) {
      note(
        context,
        node,
        `require('${name}')`,
        `Add ${name} to the Action’s dependencies with the version the hook used.`,
      );
    }
  });
}
