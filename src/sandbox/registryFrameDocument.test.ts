import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  registryFrameCsp,
  registryFrameDocument,
  registryOrigin,
  scriptHashSource,
} from './registryFrameDocument';
import { REGISTRY_FRAME_SCRIPT } from './registryFrameScript';

// Node's own crypto is the oracle for the hash the browser compares.
const nodeHash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy's directives by name, each with its list of sources. */
function directives(csp: string): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const directive of csp.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    expect(byName.has(name), `${name} appears once`).toBe(false);
    byName.set(name, sources);
  }
  return byName;
}

const metaCsp = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

describe('registryOrigin', () => {
  it.each([
    ['https://registry.npmjs.org/', 'https://registry.npmjs.org'],
    ['https://mirror.corp/npm/', 'https://mirror.corp'],
    ['  HTTPS://Mirror.Corp:8443/api/npm/npm-remote/?x=1#y ', 'https://mirror.corp:8443'],
    ['https://mirror.corp:443/npm', 'https://mirror.corp'],
    ['http://localhost:4873', 'http://localhost:4873'],
    ['http://127.0.0.1:4873/', 'http://127.0.0.1:4873'],
  ])('%s → %s', (address, origin) => {
    expect(registryOrigin(address)).toBe(origin);
  });

  it.each([
    ['not an address', /is not a registry address/],
    ['', /is not a registry address/],
    ['registry.npmjs.org', /is not a registry address/],
    ['ftp://registry.npmjs.org/', /must start with https:\/\/ or http:\/\/, not ftp:/],
    ['file:///etc/passwd', /not file:/],
    ['javascript:alert(1)', /not javascript:/],
    ['data:text/html,hi', /not data:/],
    ['https://user:secret@mirror.corp/npm/', /must not hold a user name or password/],
    // Characters URL parsing lets through, which would end the CSP directive or attribute.
    ['http://a;script-src/', /is not a host name Hookpad can allow/],
    ['http://a"b/', /is not a host name Hookpad can allow/],
    ['http://a%3Bb/', /is not a host name Hookpad can allow/],
    ['http://*.corp/', /is not a host name Hookpad can allow/],
    ['http://[::1]:4873/', /is not a host name Hookpad can allow/],
  ])('refuses %j', (address, message) => {
    expect(() => registryOrigin(address)).toThrow(message);
  });
});

describe('registryFrameCsp', () => {
  const hash = nodeHash('void 0');

  it('allows nothing by default, the script by hash, and connections to the origin only', () => {
    expect(registryFrameCsp('https://registry.npmjs.org', hash)).toBe(
      `default-src 'none'; script-src ${hash}; connect-src https://registry.npmjs.org`,
    );
  });

  it('names the origin of an address with a path, and nothing else', () => {
    const csp = registryFrameCsp('https://mirror.corp:8443/npm/', hash);
    const byName = directives(csp);
    expect([...byName.keys()]).toEqual(['default-src', 'script-src', 'connect-src']);
    expect(byName.get('default-src')).toEqual(["'none'"]);
    expect(byName.get('script-src')).toEqual([hash]);
    expect(byName.get('connect-src')).toEqual(['https://mirror.corp:8443']);
    expect(csp).not.toContain('unsafe');
  });

  it('refuses an address that is not plain http(s), and a source that is not a sha256 hash', () => {
    expect(() => registryFrameCsp('ftp://mirror.corp/', hash)).toThrow(/not ftp:/);
    expect(() => registryFrameCsp('http://a;b/', hash)).toThrow(/not a host name/);
    expect(() => registryFrameCsp('https://mirror.corp', "'unsafe-inline'")).toThrow(
      /is not a CSP sha256 source/,
    );
    expect(() => registryFrameCsp('https://mirror.corp', `${hash} *`)).toThrow(
      /is not a CSP sha256 source/,
    );
  });
});

describe('scriptHashSource', () => {
  it("is the base64 SHA-256 of the text's UTF-8, as a CSP source", async () => {
    for (const text of ['void 0', REGISTRY_FRAME_SCRIPT, 'const s = "é \u2028 😀";']) {
      expect(await scriptHashSource(text)).toBe(nodeHash(text));
    }
  });
});

describe('registryFrameDocument', () => {
  it('puts the policy before the one script, whose exact text the policy hashes', async () => {
    const html = await registryFrameDocument('https://mirror.corp/npm/');
    const csp = metaCsp(html);
    expect(csp).toBeDefined();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const scriptText = scripts[0]?.[1] ?? '';
    expect(scriptText).toBe(REGISTRY_FRAME_SCRIPT);
    const byName = directives(csp ?? '');
    expect(byName.get('script-src')).toEqual([nodeHash(scriptText)]);
    expect(byName.get('connect-src')).toEqual(['https://mirror.corp']);
    expect(byName.get('default-src')).toEqual(["'none'"]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script>'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('is refused for an address that is not plain http(s)', async () => {
    await expect(registryFrameDocument('javascript:alert(1)')).rejects.toThrow(/not javascript:/);
  });
});
