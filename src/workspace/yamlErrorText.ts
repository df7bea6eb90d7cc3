import type { YAMLError } from 'yaml';

/** The parser's first line, which names the line and column; the source excerpt is left out. */
export function yamlErrorText(error: YAMLError): string {
  const first = (error.message.split('\n')[0] ?? '').replace(/[:.\s]+$/, '');
  const position = error.linePos?.[0];
  if (/\bline \d+/.test(first) || !position) return first;
  return `${first} at line ${position.line}, column ${position.col}`;
}
