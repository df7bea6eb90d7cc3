import { describe, expect, it } from 'vitest';
import {
  MAX_AUTO_MOCKS,
  MAX_FIELD_CHARS,
  MAX_HTTP_MOCKS,
  MAX_MODULE_MOCKS,
  MAX_SECRETS,
  MAX_SHARE_LINK_CHARS,
} from '../core/inputLimits';
import { decodeShareLink, encodeShareLink, readShareFragment, type SharedState } from './shareLink';

const PAGE = 'https://hookpad.example/';

const base: SharedState = {
  v: 3,
  point: 'pre-user-registration',
  code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
  payload: { user: {}, context: {} },
};

/** A token of `value` exactly as a link carries it, whether or not the schema accepts it. */
async function tokenOfRaw(value: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(value)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const mocks = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    method: 'GET',
    urlPattern: `https://api.example.com/${i}`,
    status: 200,
    headers: {},
    body: '{}',
    delayMs: 0,
  }));
const secrets = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`SECRET_${i}`, `value-${i}`]));
const modules = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `mod-${i}`, code: 'module.exports = {};' }));
const autoMocks = (count: number) => Array.from({ length: count }, (_, i) => `sdk-${i}`);

const cases = [
  ['HTTP mocks', 'mocks', MAX_HTTP_MOCKS, mocks],
  ['Secrets', 'secrets', MAX_SECRETS, secrets],
  ['Module mocks', 'modules', MAX_MODULE_MOCKS, modules],
  ['Auto-mocks', 'autoMocks', MAX_AUTO_MOCKS, autoMocks],
] as const;

describe('a share link is bounded by the input limits', () => {
  for (const [what, field, limit, make] of cases) {
    it(`${what}: exactly ${limit} open, ${limit + 1} are refused with the limit's message`, async () => {
      const atLimit = await decodeShareLink(await tokenOfRaw({ ...base, [field]: make(limit) }));
      expect(atLimit.ok).toBe(true);
      const over = await decodeShareLink(await tokenOfRaw({ ...base, [field]: make(limit + 1) }));
      expect(over).toEqual({
        ok: false,
        message: `${what}: at most ${limit} (Hookpad's limit).`,
      });
    });
  }

  it('the links of the report (5,000 mocks, 20,000 secrets, …) are refused at once', async () => {
    for (const [field, make, count, message] of [
      ['mocks', mocks, 5_000, "HTTP mocks: at most 200 (Hookpad's limit)."],
      ['secrets', secrets, 20_000, "Secrets: at most 200 (Hookpad's limit)."],
      ['modules', modules, 5_000, "Module mocks: at most 100 (Hookpad's limit)."],
      ['autoMocks', autoMocks, 5_000, "Auto-mocks: at most 100 (Hookpad's limit)."],
    ] as const) {
      const token = await tokenOfRaw({ ...base, [field]: make(count) });
      const started = performance.now();
      expect(await decodeShareLink(token)).toEqual({ ok: false, message });
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('the limit is reported even when other fields are wrong too', async () => {
    const token = await tokenOfRaw({
      ...base,
      timeoutMs: 'soon',
      mocks: mocks(MAX_HTTP_MOCKS + 1),
    });
    expect(await decodeShareLink(token)).toEqual({
      ok: false,
      message: "HTTP mocks: at most 200 (Hookpad's limit).",
    });
  });

  it('withheld secret names count as secrets', async () => {
    const names = Object.keys(secrets(MAX_SECRETS + 1));
    const token = await tokenOfRaw({ ...base, v: 2, redactedSecrets: names });
    expect(await decodeShareLink(token)).toEqual({
      ok: false,
      message: "Secrets: at most 200 (Hookpad's limit).",
    });
  });

  it('a secret value, a mock body or a module mock of more than MAX_FIELD_CHARS is refused', async () => {
    const long = 'x'.repeat(MAX_FIELD_CHARS + 1);
    const exact = 'x'.repeat(MAX_FIELD_CHARS);
    expect((await decodeShareLink(await tokenOfRaw({ ...base, secrets: { K: exact } }))).ok).toBe(
      true,
    );
    expect(await decodeShareLink(await tokenOfRaw({ ...base, secrets: { K: long } }))).toEqual({
      ok: false,
      message: "secrets.K: Characters of a secret value: at most 1,000,000 (Hookpad's limit).",
    });
    const body = await decodeShareLink(
      await tokenOfRaw({ ...base, mocks: [{ ...mocks(1)[0], body: long }] }),
    );
    expect(body.ok ? '' : body.message).toContain('Characters of a mock body: at most 1,000,000');
    const code = await decodeShareLink(
      await tokenOfRaw({ ...base, modules: [{ name: 'm', code: long }] }),
    );
    expect(code.ok ? '' : code.message).toContain('Characters of a module mock: at most 1,000,000');
  });

  it(`a link of more than ${MAX_SHARE_LINK_CHARS} characters is refused before it is decoded`, async () => {
    expect(await decodeShareLink('A'.repeat(MAX_SHARE_LINK_CHARS + 1))).toEqual({
      ok: false,
      message: "Characters of a share link: at most 2,000,000 (Hookpad's limit).",
    });
    // At the limit it is decoded (and here found damaged, not too long).
    const atLimit = await decodeShareLink('A'.repeat(MAX_SHARE_LINK_CHARS));
    expect(atLimit.ok ? '' : atLimit.message).not.toContain("Hookpad's limit");
  });

  it('the encoder refuses to write a link over a limit', async () => {
    await expect(
      encodeShareLink({ ...base, mocks: mocks(MAX_HTTP_MOCKS + 1) }, PAGE),
    ).rejects.toThrow("HTTP mocks: at most 200 (Hookpad's limit).");
    const token = readShareFragment(
      new URL(await encodeShareLink({ ...base, mocks: mocks(MAX_HTTP_MOCKS) }, PAGE)).hash,
    );
    expect(token).not.toBeNull();
  });
});
