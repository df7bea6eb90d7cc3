import { describe, expect, it } from 'vitest';
import { buildReproduction } from './buildReproduction';
import { section } from './markdownSection.testSupport';
import { API_KEY, draft, input, log, PASSWORD, run, TOKEN } from './reproductionInput.testSupport';

describe('buildReproduction: redaction', () => {
  it('hides secret values and the password everywhere in the report', async () => {
    const { markdown } = await buildReproduction(input());
    for (const hidden of [API_KEY, TOKEN, PASSWORD]) expect(markdown).not.toContain(hidden);
    // Console output, request URL/headers/bodies, response, payload.
    expect(section(markdown, 'Console output')).toContain('key <secret:API_KEY> pw <redacted>');
    expect(section(markdown, 'Console output')).toContain("{ token: '<secret:TOKEN>' }");
    const requests = section(markdown, 'Outbound requests');
    expect(requests).toContain('POST https://api.example.com/users?token=<secret:TOKEN>');
    expect(requests).toContain('"authorization": "Bearer <secret:API_KEY>"');
    expect(requests).toContain('"password":"<redacted>"');
    expect(requests).toContain('"echo":"<secret:API_KEY>"');
    const outcome = section(markdown, 'Outcome');
    expect(outcome).toContain('"echoed": "<secret:API_KEY>"');
    expect(outcome).toContain('"pw": "<redacted>"');
    const shownPayload = section(markdown, 'Payload');
    expect(shownPayload).toContain('"password": "<redacted>"');
    expect(shownPayload).toContain('"note": "uses <secret:TOKEN>"');
  });

  it('shows placeholders in the secrets table and says what was redacted', async () => {
    const { markdown, redactions } = await buildReproduction(input());
    expect(redactions).toEqual([
      '2 secret values (API_KEY, TOKEN) replaced by placeholders',
      'user.password in the payload replaced by "<redacted>"',
    ]);
    const redacted = section(markdown, 'Redacted');
    expect(redacted).toContain('- 2 secret values (API\\_KEY, TOKEN) replaced by placeholders.');
    expect(redacted).toContain('user.password in the payload replaced by "\\<redacted\\>"');
    const secrets = section(markdown, 'Secrets');
    expect(secrets).toContain('| `API_KEY` | `<secret:API_KEY>` (value not shared) |');
    expect(secrets).toContain('| `EMPTY` | (empty) |');
  });

  it('hides the values the run used even when the secrets changed since', async () => {
    const { markdown } = await buildReproduction(
      input({
        run: run({ secrets: { API_KEY: 'old-key-value' }, logs: [log(0, 'old-key-value')] }),
      }),
    );
    expect(markdown).not.toContain('old-key-value');
    expect(section(markdown, 'Console output')).toContain('<secret:API_KEY>');
  });

  it('keeps secrets when asked, still hiding the password', async () => {
    const { markdown, redactions } = await buildReproduction(input({ includeSecrets: true }));
    expect(redactions).toEqual(['user.password in the payload replaced by "<redacted>"']);
    expect(markdown).toContain(API_KEY);
    expect(markdown).not.toContain(PASSWORD);
    expect(section(markdown, 'Secrets')).toContain(`| \`API_KEY\` | \`${API_KEY}\` |`);
    expect(section(markdown, 'Redacted')).toContain('Secret values are included as they are.');
  });

  it('keeps the password when asked, still hiding secrets', async () => {
    const { markdown, redactions } = await buildReproduction(input({ includePasswords: true }));
    expect(redactions).toEqual(['2 secret values (API_KEY, TOKEN) replaced by placeholders']);
    expect(markdown).toContain(PASSWORD);
    expect(section(markdown, 'Redacted')).toContain(
      'The user’s password is included as it is. Anyone with this report can read it.',
    );
    expect(markdown).not.toContain(API_KEY);
  });

  it('says "Nothing was redacted" when everything is included', async () => {
    const { markdown, redactions } = await buildReproduction(
      input({ includeSecrets: true, includePasswords: true }),
    );
    expect(redactions).toEqual([]);
    const redacted = section(markdown, 'Redacted');
    expect(redacted).toContain('Nothing was redacted.');
    expect(redacted).toContain('Anyone with this report can read them.');
    expect(markdown).toContain(API_KEY);
    expect(markdown).toContain(PASSWORD);
  });

  it('says why nothing was redacted when there was nothing to hide', async () => {
    const { markdown } = await buildReproduction(
      input({
        hook: {
          name: 'Plain',
          pointId: 'post-change-password',
          draft: draft({ secrets: [], payloadText: '{"user":{"id":"1"},"context":{}}' }),
        },
        run: null,
      }),
    );
    expect(section(markdown, 'Redacted')).toContain(
      'Nothing was redacted: no secret has a value and the payload has no user.password.',
    );
  });

  it('notes when the code contains a hidden value, which is shared as written', async () => {
    const { warnings, markdown } = await buildReproduction(
      input({
        hook: {
          name: 'x',
          pointId: 'pre-user-registration',
          draft: draft({ code: `// ${API_KEY}` }),
        },
      }),
    );
    expect(warnings).toEqual([expect.stringMatching(/^The code contains a hidden value/)]);
    expect(section(markdown, 'Redacted')).toContain('- Note: The code contains a hidden value');
  });
});
