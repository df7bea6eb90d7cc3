import { frameScript } from 'virtual:hook-sandbox';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CSP, escapeInlineScript, sandboxDocument } from './sandboxDocument';

describe('sandboxDocument', () => {
  it('escapes what would end or confuse the inline script, without changing its meaning', () => {
    const source = 'return ["</script>", "</SCRIPT >", "<!-- x", /<\\/script/.source, `</script`];';
    const escaped = escapeInlineScript(source);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    expect(new Function(escaped)()).toEqual(new Function(source)());
  });

  it('inlines the real frame bundle so that it still parses', () => {
    const escaped = escapeInlineScript(frameScript);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    expect(() => new Function(escaped)).not.toThrow();
  });

  it('puts the no-network CSP before the script', () => {
    const html = sandboxDocument('void 0');
    expect(html.indexOf(SANDBOX_CSP)).toBeGreaterThan(0);
    expect(html.indexOf(SANDBOX_CSP)).toBeLessThan(html.indexOf('<script>'));
    expect(SANDBOX_CSP).toContain("connect-src 'none'");
    expect(html.endsWith('void 0</script>')).toBe(true);
  });
});
