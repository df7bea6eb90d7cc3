// Small Markdown writers for the reproduction report. Every piece of user content goes
// through one of them, so code, logs and names cannot break the report's structure.

/** A fenced block that holds `content` verbatim: the fence is longer than any run of backticks in it. */
export function fence(content: string, language = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  const body = content.endsWith('\n') ? content : `${content}\n`;
  return `${marks}${language}\n${body}${marks}`;
}

/** An inline code span that holds `text` verbatim (on one line). */
export function code(text: string): string {
  const line = text.replace(/\r?\n|\r/g, ' ');
  if (line === '') return '` `';
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || longest > 0 ? ' ' : '';
  return `${marks}${pad}${line}${pad}${marks}`;
}

/** Plain text in prose: characters Markdown would read as formatting, HTML or a link are escaped. */
export function text(value: string): string {
  return value.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>~#]/g, '\\$&');
}

/** One table cell: a pipe would end the cell even inside a code span. */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** A table with a header row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** `value` cut to `max` characters, with how much was cut (0 when nothing was). */
export function cut(value: string, max: number): { text: string; cut: number } {
  if (value.length <= max) return { text: value, cut: 0 };
  return { text: value.slice(0, max), cut: value.length - max };
}
