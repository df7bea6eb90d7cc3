import { describe, expect, it } from 'vitest';
import type { OutboundEntry } from '../../core/networkSchemas';
import { buildReproduction, type ReproductionRun } from './buildReproduction';
import { section } from './markdownSection.testSupport';
import {
  API_KEY,
  code,
  draft,
  input,
  log,
  request,
  run,
  TOKEN,
} from './reproductionInput.testSupport';

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
      'Tests',
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
});
