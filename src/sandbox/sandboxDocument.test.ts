import { frameScript } from 'virtual:hook-sandbox';
import { workerScript } from 'virtual:hook-sandbox-sources';
import { describe, expect, it } from 'vitest';
import {
  NETWORK_SANDBOX_CSP,
  SANDBOX_CSP,
  escapeInlineScript,
  sandboxCsp,
  sandboxDocument,
  sandboxPolicyFor,
} from './sandboxDocument';

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

  it("keeps the worker's script out of the srcdoc: the host hands it over as a Blob", () => {
    // The frame's HTML parser scanned ~0.7 MiB of inlined worker script before the frame
    // could start (about 0.2 s of a first run on 2 CPUs); the frame is now a small fraction.
    expect(frameScript.length).toBeLessThan(workerScript.length / 4);
    expect(() => new Function(workerScript)).not.toThrow();
    // A message only the worker's entry (hook.worker.ts) sends is in its script, not the frame's.
    const workerOnly = 'Worker received no run';
    expect(workerScript).toContain(workerOnly);
    expect(frameScript).not.toContain(workerOnly);
  });

  it('bundles both scripts as ASCII, so the page holds them as one-byte strings', () => {
    // A string with one character past Latin-1 is held as two bytes per character, and the
    // Blob made from it is transcoded; escaped, the same code is copied.
    const nonAscii = (script: string) => [...script].filter((c) => c.charCodeAt(0) > 0x7f);
    expect(nonAscii(workerScript)).toEqual([]);
    expect(nonAscii(frameScript)).toEqual([]);
  });

  it('puts the no-network CSP before the script', () => {
    const html = sandboxDocument('void 0');
    expect(html.indexOf(SANDBOX_CSP)).toBeGreaterThan(0);
    expect(html.indexOf(SANDBOX_CSP)).toBeLessThan(html.indexOf('<script>'));
    expect(SANDBOX_CSP).toContain("connect-src 'none'");
    expect(html.endsWith('void 0</script>')).toBe(true);
  });

  it('loads no script from blob: (importScripts, import()); only workers start from blob:', () => {
    for (const csp of [SANDBOX_CSP, NETWORK_SANDBOX_CSP]) {
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSrc).toBe("'unsafe-inline' 'unsafe-eval'");
      expect(csp).toContain('worker-src blob:;');
    }
  });

  it('with the network allowed, only connect-src changes: http and https', () => {
    const html = sandboxDocument('void 0', 'network');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${NETWORK_SANDBOX_CSP}">`,
    );
    expect(html).not.toContain("connect-src 'none'");
    expect(NETWORK_SANDBOX_CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; worker-src blob:; connect-src http: https:",
    );
    expect(SANDBOX_CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; worker-src blob:; connect-src 'none'",
    );
    expect(sandboxDocument('void 0')).toBe(sandboxDocument('void 0', 'offline'));
    expect(sandboxCsp('offline')).toBe(SANDBOX_CSP);
    expect(sandboxCsp('network')).toBe(NETWORK_SANDBOX_CSP);
  });
});

describe('sandboxPolicyFor', () => {
  const network = { mocks: [], moduleMocks: [], autoMocks: [] };
  it('picks the network-allowed sandbox only when the request allows the network', () => {
    expect(sandboxPolicyFor({})).toBe('offline');
    expect(sandboxPolicyFor({ network: { ...network, allowNetwork: false } })).toBe('offline');
    expect(sandboxPolicyFor({ network: { ...network, allowNetwork: true } })).toBe('network');
  });
});
