import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';
import type { HookDraft } from '../workspace/hookRecord';
import {
  buildReproduction,
  MAX_REPORT_CHARS,
  type ReproductionInput,
  type ReproductionRun,
} from './reproduction';
import { decodeShareLink, readShareFragment, type SharedState } from './shareLink';

const API_KEY = 'sk_live_51Habc';
const TOKEN = 'tok-9Z';
const PASSWORD = 'Hunter2-pass';

const code = `const axios = require('axios@0.19.2');
module.exports = async function (user, context, cb) {
  console.log('key', context.webtask.secrets.API_KEY, 'pw', user.password);
  const res = await axios.post('https://api.example.com/users?token=' + context.webtask.secrets.TOKEN,
    { email: user.email, password: user.password },
    { headers: { authorization: 'Bearer ' + context.webtask.secrets.API_KEY } });
  cb(null, { user: { app_metadata: { echoed: context.webtask.secrets.API_KEY } } });
};
`;

const payload = {
  user: { email: 'a@b.c', password: PASSWORD, user_metadata: { note: `uses ${TOKEN}` } },
  context: { requestLanguage: 'en-us' },
};

const draft = (patch: Partial<HookDraft> = {}): HookDraft => ({
  code,
  payloadText: JSON.stringify(payload, null, 2),
  secrets: [
    { id: 's1', name: 'API_KEY', value: API_KEY },
    { id: 's2', name: 'TOKEN', value: TOKEN },
    { id: 's3', name: 'EMPTY', value: '' },
  ],
  network: {
    mocks: [
      {
        id: 'mock-users',
        method: 'POST',
        urlPattern: 'https://api.example.com/*',
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: '{"plan":"pro"}',
        delayMs: 15,
      },
    ],
    allowNetwork: false,
    moduleMocks: [{ name: 'my-lib', code: "module.exports = { greet: () => 'hi' };" }],
    autoMocks: ['twilio'],
  },
  dependencies: { axios: '0.19.2' },
  ...patch,
});

const log = (seq: number, text: string, patch: Partial<LogEntry> = {}): LogEntry => ({
  seq,
  level: 'log',
  source: 'hook',
  timeMs: seq,
  text,
  args: [text],
  ...patch,
});

const request: OutboundEntry = {
  seq: 0,
  kind: 'http',
  timeMs: 3,
  client: 'axios',
  method: 'POST',
  url: `https://api.example.com/users?token=${TOKEN}`,
  requestHeaders: { authorization: `Bearer ${API_KEY}` },
  requestBody: JSON.stringify({ email: 'a@b.c', password: PASSWORD }),
  answeredBy: 'mock',
  mockId: 'mock-users',
  status: 201,
  responseHeaders: { 'content-type': 'application/json' },
  responseBody: `{"plan":"pro","echo":"${API_KEY}"}`,
  durationMs: 15,
};

const run = (patch: Partial<ReproductionRun> = {}): ReproductionRun => ({
  status: 'done',
  point: 'pre-user-registration',
  payload,
  outcome: {
    status: 'succeeded',
    durationMs: 42.4,
    response: { user: { app_metadata: { echoed: API_KEY, pw: PASSWORD } } },
  },
  logs: [
    log(0, `key ${API_KEY} pw ${PASSWORD}`, { location: { line: 3, column: 3 } }),
    log(1, `{ token: '${TOKEN}' }`),
    log(2, 'late', { afterCallback: true, level: 'warn' }),
  ],
  droppedLogs: 0,
  requests: [request],
  droppedRequests: 0,
  ...patch,
});

const input = (patch: Partial<ReproductionInput> = {}): ReproductionInput => ({
  hook: { name: 'Add plan', pointId: 'pre-user-registration', draft: draft() },
  timeoutMs: 20000,
  run: run(),
  includeSecrets: false,
  includePasswords: false,
  pageUrl: 'https://hookpad.example/app/',
  appVersion: '0.2.0',
  ...patch,
});

async function openLink(link: string): Promise<SharedState> {
  const token = readShareFragment(new URL(link).hash);
  if (token === null) throw new Error('no share fragment');
  const decoded = await decodeShareLink(token);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
}

/** The text between a "## title" heading and the next one. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

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

describe('buildReproduction: the link', () => {
  it('opens the reproduced setup, with secrets withheld and the password redacted', async () => {
    const { link } = await buildReproduction(input());
    expect(link.startsWith('https://hookpad.example/app/#share=')).toBe(true);
    const state = await openLink(link);
    expect(state).toEqual({
      v: 2,
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

describe('buildReproduction: the report', () => {
  it('has a title and every section, in order', async () => {
    const { markdown } = await buildReproduction(input());
    expect(markdown.startsWith('# Hookpad reproduction: Add plan (Pre-User Registration)\n')).toBe(
      true,
    );
    const titles = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(titles).toEqual([
      'Redacted',
      'Runtime',
      'Link',
      'Code',
      'Payload',
      'Secrets',
      'HTTP mocks',
      'Module mocks',
      'Auto-mocks',
      'Dependencies',
      'Outcome',
      'Console output',
      'Outbound requests',
    ]);
  });

  it('states the runtime settings', async () => {
    const runtime = section((await buildReproduction(input())).markdown, 'Runtime');
    expect(runtime).toContain('- Timeout: 20000 ms');
    expect(runtime).toContain('- Network: not allowed');
    expect(runtime).toContain('- Hookpad version: 0.2.0');
    const allowed = draft();
    allowed.network.allowNetwork = true;
    const other = await buildReproduction(
      input({
        appVersion: undefined,
        hook: { name: 'x', pointId: 'pre-user-registration', draft: allowed },
      }),
    );
    expect(section(other.markdown, 'Runtime')).toContain('- Network: allowed');
    expect(other.markdown).not.toContain('Hookpad version');
  });

  it('shows code and payload in js and json fences', async () => {
    const { markdown } = await buildReproduction(input());
    expect(section(markdown, 'Code')).toContain('```js\n' + code + '```');
    expect(section(markdown, 'Payload')).toContain('```json\n{\n  "user": {');
  });

  it('lists mocks, modules, auto-mocks and dependencies, or says "none"', async () => {
    const full = (await buildReproduction(input())).markdown;
    expect(section(full, 'HTTP mocks')).toContain(
      '1. `POST` `https://api.example.com/*` → 201 after 15 ms (mock `mock-users`)',
    );
    expect(section(full, 'Module mocks')).toContain('### `my-lib`');
    expect(section(full, 'Auto-mocks')).toContain('`twilio`');
    expect(section(full, 'Dependencies')).toContain('| `axios` | `0.19.2` |');

    const empty = (
      await buildReproduction(
        input({
          hook: {
            name: 'x',
            pointId: 'pre-user-registration',
            draft: draft({
              secrets: [],
              network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
              dependencies: {},
            }),
          },
          run: run({ logs: [], requests: [] }),
        }),
      )
    ).markdown;
    for (const title of [
      'Secrets',
      'HTTP mocks',
      'Module mocks',
      'Auto-mocks',
      'Dependencies',
      'Console output',
      'Outbound requests',
    ]) {
      expect(section(empty, title).trim()).toBe(`## ${title}\n\nnone`);
    }
  });

  it('shows the outcome: status, duration and response', async () => {
    const outcome = section((await buildReproduction(input())).markdown, 'Outcome');
    expect(outcome).toContain('- Status: succeeded in 42 ms');
    expect(outcome).toContain('Response:\n\n```json\n{\n  "user"');
  });

  it('shows an error with its message and line', async () => {
    const failed = run({
      outcome: {
        status: 'failed',
        kind: 'callback-error',
        durationMs: 7,
        error: {
          name: 'Error',
          message: `bad key ${API_KEY}`,
          location: { line: 4, column: 11 },
          friendlyMessage: 'Try again',
        },
      },
    });
    const outcome = section((await buildReproduction(input({ run: failed }))).markdown, 'Outcome');
    expect(outcome).toContain(
      '- Status: failed in 7 ms: the hook called cb with an error (`callback-error`)',
    );
    expect(outcome).toContain('- Error: `Error: bad key <secret:API_KEY>` at line 4, column 11');
    expect(outcome).toContain('- Message to the user: `Try again`');
  });

  it('shows the other ways a run ends', async () => {
    const cases: [ReproductionRun['outcome'], string][] = [
      [
        { status: 'timed-out', durationMs: 20000, hint: 'the callback was never called' },
        '- Status: timed out after 20000 ms (the callback was never called)',
      ],
      [{ status: 'cancelled', durationMs: 5 }, '- Status: cancelled after 5 ms'],
      [
        { status: 'crashed', durationMs: 9, message: 'out of memory' },
        '- Status: the sandbox crashed after 9 ms: out of memory',
      ],
      [
        {
          status: 'not-started',
          field: 'payload',
          message: 'The payload is not valid JSON',
          durationMs: 0,
        },
        '- Status: not started (payload): The payload is not valid JSON',
      ],
    ];
    for (const [outcome, expected] of cases) {
      const markdown = (await buildReproduction(input({ run: run({ outcome }) }))).markdown;
      expect(section(markdown, 'Outcome')).toContain(expected);
    }
  });

  it('says "Not run yet" without a run', async () => {
    for (const last of [null, run({ status: 'idle', outcome: null, logs: [], requests: [] })]) {
      const { markdown } = await buildReproduction(input({ run: last }));
      expect(section(markdown, 'Outcome')).toContain('Not run yet.');
      expect(section(markdown, 'Console output')).toContain('Not run yet.');
    }
  });

  it('shows the payload the run used when it differs from the draft’s', async () => {
    const older = { user: { email: 'old@b.c', password: 'older-secret-pw' }, context: {} };
    const { markdown } = await buildReproduction(input({ run: run({ payload: older }) }));
    const outcome = section(markdown, 'Outcome');
    expect(outcome).toContain('The payload changed since the run; the run used:');
    expect(outcome).toContain('"email": "old@b.c"');
    expect(markdown).not.toContain('older-secret-pw');
  });

  it('shows console output with levels, lines and "after callback"', async () => {
    const console = section((await buildReproduction(input())).markdown, 'Console output');
    expect(console).toContain('+0 ms [log] (line 3:3) key <secret:API_KEY> pw <redacted>');
    expect(console).toContain('+2 ms [warn] [after callback] late');
  });

  it('caps console output and says how much was omitted or dropped', async () => {
    const logs = Array.from({ length: 250 }, (_, i) => log(i, `line ${i}`));
    const console = section(
      (await buildReproduction(input({ run: run({ logs, droppedLogs: 17 }) }))).markdown,
      'Console output',
    );
    expect(console).toContain('line 199');
    expect(console).not.toContain('line 200');
    expect(console).toContain('50 more console lines omitted from this report.');
    expect(console).toContain('The run dropped 17 more console lines beyond Hookpad’s limit.');
  });

  it('lists outbound requests with method, URL, answeredBy and status', async () => {
    const sdk: OutboundEntry = {
      seq: 1,
      kind: 'sdk',
      timeMs: 5,
      client: 'twilio',
      answeredBy: 'sdk',
      call: 'twilio(…).messages.create({to, body})',
      args: [{ to: '+1555', body: TOKEN }],
    };
    const blocked: OutboundEntry = {
      seq: 2,
      kind: 'http',
      timeMs: 6,
      client: 'fetch',
      method: 'GET',
      url: 'https://other.example.com/',
      answeredBy: 'blocked',
      error: 'connect ECONNREFUSED',
    };
    const requests = section(
      (
        await buildReproduction(
          input({ run: run({ requests: [request, sdk, blocked], droppedRequests: 3 }) }),
        )
      ).markdown,
      'Outbound requests',
    );
    expect(requests).toContain(
      '| 1 | `POST https://api.example.com/users?token=<secret:TOKEN>` | mock `mock-users` | 201 | axios |',
    );
    expect(requests).toContain(
      '| 2 | `twilio(…).messages.create({to, body})` | auto-mock |  | twilio |',
    );
    expect(requests).toContain(
      '| 3 | `GET https://other.example.com/` | blocked (no mock matched, network off) | `connect ECONNREFUSED` | fetch |',
    );
    expect(requests).toContain('"body": "<secret:TOKEN>"');
    expect(requests).toContain('The run dropped 3 more requests beyond Hookpad’s limit.');
  });

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
