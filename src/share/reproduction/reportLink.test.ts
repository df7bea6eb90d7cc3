import { describe, expect, it } from 'vitest';
import { buildReproduction } from './buildReproduction';
import { decodeShareLink, readShareFragment, type SharedState } from '../shareLink';
import { section } from './markdownSection.testSupport';
import {
  API_KEY,
  code,
  draft,
  input,
  PASSWORD,
  payload,
  TOKEN,
} from './reproductionInput.testSupport';

async function openLink(link: string): Promise<SharedState> {
  const token = readShareFragment(new URL(link).hash);
  if (token === null) throw new Error('no share fragment');
  const decoded = await decodeShareLink(token);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
}

describe('buildReproduction: the link', () => {
  it('opens the reproduced setup, with secrets withheld and the password redacted', async () => {
    const { link } = await buildReproduction(input());
    expect(link.startsWith('https://hookpad.example/app/#share=')).toBe(true);
    const state = await openLink(link);
    expect(state).toEqual({
      v: 3,
      point: 'pre-user-registration',
      name: 'Add plan',
      code,
      payload: {
        user: {
          email: 'a@b.c',
          password: '<redacted>',
          user_metadata: { note: 'uses <secret:TOKEN>' },
        },
        context: { requestLanguage: 'en-us' },
      },
      timeoutMs: 20000,
      secrets: { API_KEY: '', TOKEN: '', EMPTY: '' },
      redactedSecrets: ['API_KEY', 'TOKEN'],
      mocks: draft().network.mocks,
      modules: [{ name: 'my-lib', code: "module.exports = { greet: () => 'hi' };" }],
      autoMocks: ['twilio'],
      dependencies: { axios: '0.19.2' },
    });
  });

  it('carries the real values when they are included', async () => {
    const state = await openLink(
      (await buildReproduction(input({ includeSecrets: true, includePasswords: true }))).link,
    );
    expect(state.secrets).toEqual({ API_KEY, TOKEN, EMPTY: '' });
    expect(state).not.toHaveProperty('redactedSecrets');
    expect(state.payload).toEqual(payload);
  });

  it('is in the report', async () => {
    const { link, markdown } = await buildReproduction(input());
    expect(section(markdown, 'Link')).toContain(`<${link}>`);
  });

  it('is empty when the setup cannot be shared, and the report says why', async () => {
    const { link, markdown } = await buildReproduction(
      input({
        hook: {
          name: 'Broken',
          pointId: 'pre-user-registration',
          draft: draft({ payloadText: `{"user":{"password":"${PASSWORD}"` }),
        },
      }),
    );
    expect(link).toBe('');
    expect(section(markdown, 'Link')).toContain('No link: The payload is not valid JSON');
    expect(section(markdown, 'Payload')).toContain('not valid JSON');
    // The run's payload still tells the password.
    expect(markdown).not.toContain(PASSWORD);
  });
});
