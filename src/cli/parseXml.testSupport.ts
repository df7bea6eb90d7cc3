/**
 * A strict little XML reader for tests: enough of XML 1.0 to prove a JUnit report is well
 * formed (one root, balanced tags, quoted unique attributes, known entities, no stray `<` or
 * `&`) and to read it back. Throws on anything else.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = '[A-Za-z_][\\w.-]*';

function decode(text: string, where: string): string {
  if (/[<]/.test(text)) throw new Error(`Raw "<" in ${where}`);
  return text.replace(/&([^;]*);?/g, (match, entity: string) => {
    if (!match.endsWith(';')) throw new Error(`Unterminated reference in ${where}`);
    if (entity in ENTITIES) return ENTITIES[entity]!;
    const code = /^#(\d+)$/.exec(entity)?.[1] ?? /^#x([\da-f]+)$/i.exec(entity)?.[1];
    if (code === undefined) throw new Error(`Unknown entity &${entity}; in ${where}`);
    return String.fromCodePoint(parseInt(code, entity.startsWith('#x') ? 16 : 10));
  });
}

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = new RegExp(
    `<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`,
    'y',
  );
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let index = 0;
  while (index < body.length) {
    const next = body.indexOf('<', index);
    const text = body.slice(index, next === -1 ? body.length : next);
    if (stack.length > 0) stack.at(-1)!.text += decode(text, 'text');
    else if (text.trim() !== '') throw new Error(`Text outside the root: ${text.trim()}`);
    if (next === -1) break;
    token.lastIndex = next;
    const match = token.exec(body);
    if (!match) throw new Error(`Malformed tag at ${next}: ${body.slice(next, next + 40)}`);
    const [whole, closing, name, rawAttributes, selfClosing] = match;
    index = next + whole.length;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name || rawAttributes || selfClosing)
        throw new Error(`Unbalanced </${name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of rawAttributes!.matchAll(
      new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'),
    )) {
      if (key! in attributes) throw new Error(`Attribute ${key} twice on <${name}>`);
      attributes[key!] = decode(value ?? '', `attribute ${key}`);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('More than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`Unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error('No root element');
  return root;
}
