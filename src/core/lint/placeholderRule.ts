import { walk, type AstNode } from './astWalk';
import { hintAt, type LintHint } from './lintHint';

// Deploy tools substitute keywords into a hook's source before it reaches the platform
// (auth0-deploy-cli: ##KEY## and @@KEY@@; other pipelines: %%KEY%%, ${KEY}). One left in a
// string literal means the hook was copied from a template without being rendered.

const KEY = '[A-Za-z_][\\w.-]*';
const DELIMITED = [
  new RegExp(`%%${KEY}%%`, 'g'),
  new RegExp(`##${KEY}##`, 'g'),
  new RegExp(`@@${KEY}@@`, 'g'),
];
/** Only in quoted strings: in a template literal `${…}` is a real substitution. */
const DOLLAR_BRACE = /\$\{[^}\n]*\}/g;

const MESSAGE = 'Looks like an unrendered deploy-time placeholder';

function scan(code: string, node: AstNode, patterns: RegExp[], hints: LintHint[]): void {
  const source = code.slice(node.start, node.end);
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const start = node.start + (match.index ?? 0);
      const text = match[0];
      const detail =
        pattern === DOLLAR_BRACE
          ? `: ${text} in a quoted string is not substituted (only template literals interpolate)`
          : `: ${text}`;
      hints.push(hintAt(code, start, start + text.length, MESSAGE + detail));
    }
  }
}

export function placeholderHints(code: string, program: AstNode): LintHint[] {
  const hints: LintHint[] = [];
  walk(program, (node) => {
    if (node.type === 'Literal' && typeof node.value === 'string') {
      scan(code, node, [...DELIMITED, DOLLAR_BRACE], hints);
    } else if (node.type === 'TemplateElement') {
      scan(code, node, DELIMITED, hints);
    }
  });
  return hints;
}
