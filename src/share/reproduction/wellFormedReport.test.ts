import { describe, expect, it } from 'vitest';
import { buildReproduction, MAX_REPORT_CHARS } from './buildReproduction';
import { section } from './markdownSection.testSupport';
import { draft, input, log, run } from './reproductionInput.testSupport';

describe('buildReproduction: the report', () => {
  it('keeps fences intact when the content contains backticks', async () => {
    const { markdown: plain } = await buildReproduction(input());
    const tricky = 'const s = `x`;\n/*\n```\n## Not a heading\n````\n*/\nmodule.exports = 1;\n';
    const { markdown } = await buildReproduction(
      input({
        hook: { name: 'x', pointId: 'pre-user-registration', draft: draft({ code: tricky }) },
        run: run({ logs: [log(0, '```\n## injected')] }),
      }),
    );
    expect(markdown).toContain('## Code\n\n`````js\n' + tricky + '`````\n');
    expect(markdown).toContain('````text\n+0 ms [log] ```\n## injected\n````');
    expect(headingsOutsideFences(markdown)).toEqual(headingsOutsideFences(plain));
    expect(balancedFences(markdown)).toBe(true);
  });

  it('escapes the hook name in the title', async () => {
    const { markdown } = await buildReproduction(
      input({ hook: { name: '<b>*x*</b>', pointId: 'pre-user-registration', draft: draft() } }),
    );
    expect(markdown.split('\n')[0]).toBe(
      '# Hookpad reproduction: \\<b\\>\\*x\\*\\</b\\> (Pre-User Registration)',
    );
  });

  it('stays within the size cap, cutting whole sections and saying so', async () => {
    const big = `// ${'x'.repeat(99_000)}\n`;
    const logs = Array.from({ length: 200 }, (_, i) => log(i, `${i} ${'y'.repeat(1_900)}`));
    const { markdown } = await buildReproduction(
      input({
        hook: {
          name: 'Big',
          pointId: 'pre-user-registration',
          draft: draft({
            code: big,
            network: {
              ...draft().network,
              moduleMocks: Array.from({ length: 8 }, (_, i) => ({
                name: `m${i}`,
                code: 'z'.repeat(10_000),
              })),
            },
          }),
        },
        run: run({ logs }),
      }),
    );
    expect(markdown.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    expect(section(markdown, 'Console output')).toContain('_Cut: this section');
    expect(section(markdown, 'Code')).toContain(big);
    expect(balancedFences(markdown)).toBe(true);
  });

  it('cuts a very long code and says how much', async () => {
    const { markdown } = await buildReproduction(
      input({
        hook: {
          name: 'x',
          pointId: 'pre-user-registration',
          draft: draft({ code: 'a'.repeat(100_050) }),
        },
      }),
    );
    expect(section(markdown, 'Code')).toContain('_50 more characters cut._');
  });
});

/** The "## " headings a Markdown reader sees (not those inside fences). */
function headingsOutsideFences(markdown: string): string[] {
  const headings: string[] = [];
  let open: number | null = null;
  for (const line of markdown.split('\n')) {
    const match = /^(`{3,})(.*)$/.exec(line);
    if (match) {
      const length = match[1]!.length;
      if (open === null) open = length;
      else if (length >= open && match[2]!.trim() === '') open = null;
    } else if (open === null && line.startsWith('## ')) {
      headings.push(line);
    }
  }
  return headings;
}

/** Every opening fence has its closing fence (a fence closes only with at least as many backticks). */
function balancedFences(markdown: string): boolean {
  let open: number | null = null;
  for (const line of markdown.split('\n')) {
    const match = /^(`{3,})(.*)$/.exec(line);
    if (!match) continue;
    const length = match[1]!.length;
    if (open === null) open = length;
    else if (length >= open && match[2]!.trim() === '') open = null;
  }
  return open === null;
}
