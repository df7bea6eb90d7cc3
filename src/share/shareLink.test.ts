import { describe, expect, it } from 'vitest';
import {
  decodeShareLink,
  encodeShareLink,
  readShareFragment,
  SHARE_LINK_VERSION,
  type SharedState,
} from './shareLink';

const PAGE = 'https://hookpad.example/app/?q=1#old';

const sample: SharedState = {
  v: 3,
  point: 'pre-user-registration',
  code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
  payload: { user: { email: 'a@b.c', user_metadata: { hobby: 'surfing' } }, context: {} },
  timeoutMs: 4321,
  secrets: { API_KEY: 'k' },
};

async function tokenOf(state: SharedState): Promise<string> {
  const token = readShareFragment(new URL(await encodeShareLink(state, PAGE)).hash);
  if (token === null) throw new Error('no share fragment');
  return token;
}

/** Made with Node's zlib: deflateRawSync(JSON) → base64url, as the e2e tests do. */
const ZLIB_TOKEN =
  'FczRCcMgFAXQVeR-m4b8GjLMQx-tYHyS2GIRp8hvF8gc2aSTBAc4p-IDM2kk8THDwG7sOGZPYR-42BfFJ0PDimMYrOLegR9ckmx5V4uaZjWO6v87oJHoG4QcTIUNnntXEWnt8DrRWrsB';

async function streamBytes(bytes: Uint8Array<ArrayBuffer>, format: 'compress' | 'decompress') {
  const transform =
    format === 'compress'
      ? new CompressionStream('deflate-raw')
      : new DecompressionStream('deflate-raw');
  return new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer(),
  );
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** A token for arbitrary text, bypassing the encoder's schema check. */
const rawToken = async (text: string) =>
  toBase64Url(await streamBytes(new TextEncoder().encode(text), 'compress'));
const encodeRaw = (value: unknown) => rawToken(JSON.stringify(value));

describe('encodeShareLink', () => {
  it('keeps the page address, replaces its fragment and uses unpadded base64url', async () => {
    const link = await encodeShareLink(sample, PAGE);
    expect(link.startsWith('https://hookpad.example/app/?q=1#share=')).toBe(true);
    expect(link.split('#share=')[1]).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('writes deflate-raw compressed UTF-8 JSON in the documented shape', async () => {
    const token = await tokenOf(sample);
    const json = new TextDecoder().decode(await streamBytes(fromBase64Url(token), 'decompress'));
    expect(JSON.parse(json)).toEqual(sample);
  });

  it('round-trips HTTP mocks, module mocks, auto-mocks and the network switch', async () => {
    const withNetwork: SharedState = {
      ...sample,
      mocks: [
        {
          id: 'm1',
          method: 'POST',
          urlPattern: '/^https:\\/\\/api\\./',
          status: 503,
          headers: { 'x-test': '1' },
          body: 'busy',
          delayMs: 20,
          networkError: false,
        },
      ],
      modules: [{ name: 'lib', code: 'module.exports = {};' }],
      autoMocks: ['twilio'],
      allowNetwork: true,
    };
    const decoded = await decodeShareLink(await tokenOf(withNetwork));
    expect(decoded).toEqual({ ok: true, state: withNetwork });
  });

  it('opens links without the network fields (made before they existed)', async () => {
    const { point, code, payload } = sample;
    const decoded = await decodeShareLink(await encodeRaw({ v: 1, point, code, payload }));
    expect(decoded).toEqual({ ok: true, state: { v: 3, point, code, payload } });
  });

  it('writes the newest version and leaves out what is not shared', async () => {
    const token = await tokenOf({ ...sample, enabled: true } as SharedState);
    const json = new TextDecoder().decode(await streamBytes(fromBase64Url(token), 'decompress'));
    expect(JSON.parse(json)).toEqual(sample);
    expect(JSON.parse(json).v).toBe(SHARE_LINK_VERSION);
  });

  it('round-trips the hook name, dependencies and withheld secrets', async () => {
    const state: SharedState = {
      ...sample,
      name: 'Add metadata',
      dependencies: { axios: '0.19.2', twilio: '3.0.0' },
      secrets: { API_KEY: '', REGION: 'eu' },
      redactedSecrets: ['API_KEY'],
    };
    expect(await decodeShareLink(await tokenOf(state))).toEqual({ ok: true, state });
  });

  it("round-trips the hook's tests (version 3)", async () => {
    const state: SharedState = {
      ...sample,
      tests: [
        {
          name: 'adds the hobby',
          payloadText: '{\n  "user": { "email": "a@b.c" }\n}',
          overrides: { secrets: { API_KEY: '' }, storage: { data: { n: 1 } } },
          expectations: {
            outcome: { status: 'succeeded' },
            mergedUser: { contains: { user_metadata: { hobby: 'surfing' } } },
            console: [{ matches: '^hobby', flags: 'i' }],
          },
        },
      ],
    };
    expect(await decodeShareLink(await tokenOf(state))).toEqual({ ok: true, state });
  });

  it('opens a version 2 link as version 3 without tests', async () => {
    const { v: _v, ...rest } = sample;
    const decoded = await decodeShareLink(await encodeRaw({ ...rest, v: 2, name: 'Old' }));
    expect(decoded).toEqual({ ok: true, state: { ...sample, name: 'Old' } });
  });

  it('refuses a link whose test fails the test schema, naming the field', async () => {
    const decoded = await decodeShareLink(
      await encodeRaw({
        ...sample,
        tests: [{ name: 'bad', payloadText: '{', expectations: {} }],
      }),
    );
    expect(decoded).toEqual({
      ok: false,
      message: 'tests.0.payloadText: The payload must be valid JSON.',
    });
  });

  it('refuses to encode a withheld secret that is missing or has a value', async () => {
    await expect(
      encodeShareLink({ ...sample, secrets: { API_KEY: 'k' }, redactedSecrets: ['API_KEY'] }, PAGE),
    ).rejects.toThrow(/API_KEY/);
    await expect(
      encodeShareLink({ ...sample, secrets: undefined, redactedSecrets: ['TOKEN'] }, PAGE),
    ).rejects.toThrow(/TOKEN/);
  });

  it('refuses a link with a malformed mock and names the field', async () => {
    const decoded = await decodeShareLink(
      await encodeRaw({ ...sample, mocks: [{ id: 'm', method: 'GET', urlPattern: 'u' }] }),
    );
    expect(decoded).toMatchObject({ ok: false, message: expect.stringMatching(/^mocks\.0\./) });
  });

  it('refuses to encode a state that fails the schema', async () => {
    const bad = { ...sample, timeoutMs: 10 };
    await expect(encodeShareLink(bad, PAGE)).rejects.toThrow();
  });
});

describe('decodeShareLink', () => {
  it('round-trips a state', async () => {
    expect(await decodeShareLink(await tokenOf(sample))).toEqual({ ok: true, state: sample });
  });

  it('round-trips unicode in code and payload', async () => {
    const state: SharedState = {
      v: 3,
      point: 'send-phone-message',
      code: "cb(null, { note: 'héllo ✓ 日本語 🎉' });",
      payload: { recipient: '1-808-555-5555', text: 'Grüße 👋', context: {} },
    };
    expect(await decodeShareLink(await tokenOf(state))).toEqual({ ok: true, state });
  });

  it('round-trips code large enough to need several base64 slices', async () => {
    const state: SharedState = {
      ...sample,
      code: Array.from({ length: 5000 }, (_, i) => `// line ${i} ${Math.sin(i)}`).join('\n'),
    };
    expect(await decodeShareLink(await tokenOf(state))).toEqual({ ok: true, state });
  });

  it("accepts links made by another deflate-raw implementation (Node's zlib)", async () => {
    expect(await decodeShareLink(ZLIB_TOKEN)).toEqual({
      ok: true,
      state: {
        v: 3,
        point: 'credentials-exchange',
        code: 'module.exports = 1; // ✓',
        payload: { client: { name: 'é' } },
      },
    });
  });

  it('refuses text that is not base64url', async () => {
    for (const token of ['abc+def/', 'a b', 'ä', 'abcde']) {
      const decoded = await decodeShareLink(token);
      expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/base64url/) });
    }
  });

  it('refuses data that does not inflate', async () => {
    const decoded = await decodeShareLink('this-is-not-deflate');
    expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it('refuses a truncated link', async () => {
    const token = await tokenOf(sample);
    const decoded = await decodeShareLink(token.slice(0, Math.floor(token.length / 2)));
    expect(decoded.ok).toBe(false);
  });

  it('refuses inflated data that is not JSON', async () => {
    const token = await rawToken('{not json');
    expect(await decodeShareLink(token)).toEqual({
      ok: false,
      message: expect.stringMatching(/JSON/),
    });
  });

  it('refuses a state that fails the schema and names the field', async () => {
    const unknownPoint = await decodeShareLink(
      await encodeRaw({ v: 1, point: 'password-exchange', code: 'x', payload: {} }),
    );
    expect(unknownPoint).toEqual({ ok: false, message: expect.stringMatching(/^point: /) });

    const badTimeout = await decodeShareLink(await encodeRaw({ ...sample, timeoutMs: 5 }));
    expect(badTimeout).toEqual({ ok: false, message: expect.stringMatching(/^timeoutMs: /) });

    const withheld = await decodeShareLink(
      await encodeRaw({ ...sample, secrets: { A: 'x' }, redactedSecrets: ['A'] }),
    );
    expect(withheld).toEqual({
      ok: false,
      message: expect.stringMatching(/^redactedSecrets\.0: /),
    });
  });

  it('says a link of a newer version was made by a newer Hookpad', async () => {
    const newer = await decodeShareLink(await encodeRaw({ ...sample, v: 4, somethingNew: 1 }));
    expect(newer).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^this link was made by a newer Hookpad \(share link version 4;/,
      ),
    });
  });

  it('refuses a link without a usable version', async () => {
    for (const v of [undefined, 0, 1.5, '1', null]) {
      const decoded = await decodeShareLink(await encodeRaw({ ...sample, v }));
      expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/^v: .*versions 1 to/) });
    }
    for (const value of [[], 'text', 42, null]) {
      const decoded = await decodeShareLink(await encodeRaw(value));
      expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/Hookpad state/) });
    }
  });

  it('refuses a link that would inflate to more than the cap', async () => {
    const bomb = await rawToken(' '.repeat(8 * 1024 * 1024));
    expect(await decodeShareLink(bomb)).toEqual({
      ok: false,
      message: expect.stringMatching(/larger than/),
    });
  });
});

describe('readShareFragment', () => {
  it('finds the token only in a #share= fragment', () => {
    expect(readShareFragment('#share=abc')).toBe('abc');
    expect(readShareFragment('#other=abc')).toBeNull();
    expect(readShareFragment('')).toBeNull();
  });
});
