import type { LogEntry } from '../../core/schemas';
import type { OutboundEntry } from '../../core/networkSchemas';
import type { HookDraft } from '../../workspace/hookRecord';
import type { ReproductionInput, ReproductionRun } from './reproductionInput';

/** A hook that uses secrets and the password everywhere, and a run that shows them all. */

export const API_KEY = 'sk_live_51Habc';
export const TOKEN = 'tok-9Z';
export const PASSWORD = 'Hunter2-pass';

export const code = `const axios = require('axios@0.19.2');
module.exports = async function (user, context, cb) {
  console.log('key', context.webtask.secrets.API_KEY, 'pw', user.password);
  const res = await axios.post('https://api.example.com/users?token=' + context.webtask.secrets.TOKEN,
    { email: user.email, password: user.password },
    { headers: { authorization: 'Bearer ' + context.webtask.secrets.API_KEY } });
  cb(null, { user: { app_metadata: { echoed: context.webtask.secrets.API_KEY } } });
};
`;

export const payload = {
  user: { email: 'a@b.c', password: PASSWORD, user_metadata: { note: `uses ${TOKEN}` } },
  context: { requestLanguage: 'en-us' },
};

export const draft = (patch: Partial<HookDraft> = {}): HookDraft => ({
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

export const log = (seq: number, text: string, patch: Partial<LogEntry> = {}): LogEntry => ({
  seq,
  level: 'log',
  source: 'hook',
  timeMs: seq,
  text,
  args: [text],
  ...patch,
});

export const request: OutboundEntry = {
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

export const run = (patch: Partial<ReproductionRun> = {}): ReproductionRun => ({
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

export const input = (patch: Partial<ReproductionInput> = {}): ReproductionInput => ({
  hook: { name: 'Add plan', pointId: 'pre-user-registration', draft: draft() },
  timeoutMs: 20000,
  run: run(),
  includeSecrets: false,
  includePasswords: false,
  pageUrl: 'https://hookpad.example/app/',
  appVersion: '0.2.0',
  ...patch,
});
