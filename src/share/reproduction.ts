import { getPoint } from '../core/points';
import type { FailureKind, JsonValue, LogEntry, PointId } from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';
import type { RunState, ShownOutcome } from '../store/runSlice';
import { networkForRun } from '../workspace/draft/network';
import type { HookDraft } from '../workspace/hookRecord';
import { plural, planRedaction, secretPlaceholder, type Redactor } from './redact';
import { code, cut, fence, table, text } from './reproductionMarkdown';
import { encodeShareLink } from './shareLink';
import { sharedStateOf } from './sharedStateOf';

/** The last run as the report needs it; `secrets` (what the run used) are hidden too when given. */
export type ReproductionRun = Pick<
  RunState,
  | 'status'
  | 'outcome'
  | 'logs'
  | 'droppedLogs'
  | 'requests'
  | 'droppedRequests'
  | 'point'
  | 'payload'
> & { secrets?: Readonly<Record<string, string>> };

export interface ReproductionInput {
  hook: { name: string; pointId: PointId; draft: HookDraft };
  timeoutMs: number;
  /** The last run; null or idle = not run yet. */
  run: ReproductionRun | null;
  /** false: secret values are replaced by `<secret:NAME>` and the link withholds them. */
  includeSecrets: boolean;
  /** false: the payload's user.password is replaced by "<redacted>" wherever it appears. */
  includePasswords: boolean;
  /** The page the link points at. */
  pageUrl: string;
  appVersion?: string;
}

export interface Reproduction {
  markdown: string;
  /** A share link that opens the hook's setup; '' when the setup cannot be shared (the report says why). */
  link: string;
  /** What was hidden, as sentences, e.g. "2 secret values (API_KEY, TOKEN) replaced by placeholders". */
  redactions: string[];
  /** What the redaction could not hide or hid too eagerly, as sentences. */
  warnings: string[];
}

/** The report stays pasteable into a ticket; whole sections are cut beyond this. */
export const MAX_REPORT_CHARS = 200_000;
const MAX_CODE_CHARS = 100_000;
const MAX_PAYLOAD_CHARS = 50_000;
const MAX_VALUE_CHARS = 20_000;
const MAX_MODULE_CHARS = 10_000;
const MAX_BODY_CHARS = 2_000;
const MAX_LOG_ENTRY_CHARS = 2_000;
const MAX_CONSOLE_LINES = 200;
const MAX_CONSOLE_CHARS = 40_000;
const MAX_REQUEST_ROWS = 100;
const MAX_REQUEST_DETAIL_CHARS = 40_000;
const MAX_URL_CHARS = 300;

interface Section {
  title: string;
  body: string;
  /** Sections with a rank are cut, lowest first, when the report is too long. */
  cutRank?: number;
}

/**
 * Everything support needs to reproduce a hook's behaviour, as Markdown for a ticket and
 * as a share link: the setup (code, payload, secrets, mocks, modules, dependencies,
 * settings) and the last run (outcome, console output, outbound requests). Secret values
 * and the user's password are hidden everywhere in both unless the user includes them.
 */
export async function buildReproduction(input: ReproductionInput): Promise<Reproduction> {
  const { hook, run, includeSecrets, includePasswords } = input;
  const { draft } = hook;
  const point = getPoint(hook.pointId);
  const ran = run !== null && run.status !== 'idle' ? run : null;

  const draftPayload = parseJson(draft.payloadText);
  const plan = planRedaction({
    secrets: draft.secrets,
    runSecrets: ran?.secrets,
    payloads: [draftPayload.ok ? draftPayload.value : null, ran?.payload],
    includeSecrets,
    includePasswords,
  });
  const { redactor } = plan;
  const warnings = [...plan.warnings, ...unhiddenValues(draft, redactor)];

  let link = '';
  let linkProblem: string | null = null;
  const shared = sharedStateOf(hook, input.timeoutMs, { includeSecrets });
  if (shared.ok) {
    const state = { ...shared.state, payload: redactor.json(shared.state.payload) };
    if (state.secrets) {
      state.secrets = Object.fromEntries(
        Object.entries(state.secrets).map(([name, value]) => [name, redactor.text(value)]),
      );
    }
    link = await encodeShareLink(state, input.pageUrl);
  } else {
    linkProblem = shared.message;
  }

  const network = networkForRun(draft.network);
  const sections: Section[] = [
    { title: 'Redacted', body: redactedSection(plan.redactions, warnings, input) },
    { title: 'Runtime', body: runtimeSection(input, point.label) },
    {
      title: 'Link',
      body: linkSection(link, linkProblem, plan.withheldSecrets.length > 0),
      cutRank: 7,
    },
    { title: 'Code', body: codeBlock(draft.code, 'js', MAX_CODE_CHARS), cutRank: 6 },
    {
      title: 'Payload',
      body: payloadSection(draft.payloadText, draftPayload, redactor),
      cutRank: 5,
    },
    { title: 'Secrets', body: secretsSection(draft.secrets, includeSecrets, redactor) },
    { title: 'HTTP mocks', body: mocksSection(network.mocks), cutRank: 4 },
    {
      title: 'Module mocks',
      body:
        network.moduleMocks.length === 0
          ? 'none'
          : network.moduleMocks
              .map(
                (mock) =>
                  `### ${code(mock.name)}\n\n${codeBlock(mock.code, 'js', MAX_MODULE_CHARS)}`,
              )
              .join('\n\n'),
      cutRank: 3,
    },
    {
      title: 'Auto-mocks',
      body: network.autoMocks.length === 0 ? 'none' : network.autoMocks.map(code).join(', '),
    },
    {
      title: 'Dependencies',
      body:
        Object.keys(draft.dependencies).length === 0
          ? 'none'
          : table(
              ['Module', 'Version'],
              Object.entries(draft.dependencies).map(([name, version]) => [
                code(name),
                code(version),
              ]),
            ),
    },
    {
      title: 'Outcome',
      body: outcomeSection(ran, hook.pointId, draftPayload, redactor),
      cutRank: 8,
    },
    { title: 'Console output', body: consoleSection(ran, redactor), cutRank: 1 },
    { title: 'Outbound requests', body: requestsSection(ran, redactor), cutRank: 2 },
  ];

  const title = `# Hookpad reproduction: ${text(hook.name.trim() || 'Untitled hook')} (${text(point.label)})`;
  return { markdown: fitReport(title, sections), link, redactions: plan.redactions, warnings };
}

function redactedSection(
  redactions: string[],
  warnings: string[],
  input: ReproductionInput,
): string {
  const lines: string[] = redactions.map((sentence) => `- ${text(sentence)}.`);
  if (redactions.length === 0) {
    const reasons = [
      ...(input.includeSecrets ? [] : ['no secret has a value']),
      ...(input.includePasswords ? [] : ['the payload has no user.password']),
    ];
    lines.push(
      reasons.length === 0
        ? 'Nothing was redacted.'
        : `Nothing was redacted: ${reasons.join(' and ')}.`,
    );
  }
  const included = [
    ...(input.includeSecrets ? ['Secret values are included as they are.'] : []),
    ...(input.includePasswords ? ['The user’s password is included as it is.'] : []),
  ];
  if (included.length > 0) {
    const them = input.includeSecrets ? 'them' : 'it';
    lines.push('', `${included.join(' ')} Anyone with this report can read ${them}.`);
  }
  if (warnings.length > 0) lines.push('', ...warnings.map((warning) => `- Note: ${text(warning)}`));
  return lines.join('\n');
}

function runtimeSection(input: ReproductionInput, pointLabel: string): string {
  const lines = [
    `- Extensibility point: ${text(pointLabel)} (${code(input.hook.pointId)})`,
    `- Timeout: ${input.timeoutMs} ms`,
    input.hook.draft.network.allowNetwork
      ? '- Network: allowed — requests no mock matches really go out from the browser (CORS applies)'
      : '- Network: not allowed — requests no mock matches fail like a refused connection (ECONNREFUSED)',
  ];
  if (input.appVersion !== undefined && input.appVersion !== '') {
    lines.push(`- Hookpad version: ${text(input.appVersion)}`);
  }
  return lines.join('\n');
}

function linkSection(link: string, problem: string | null, withheld: boolean): string {
  if (problem !== null) return `No link: ${text(problem)}`;
  const shown = /[\s<>]/.test(link) ? code(link) : `<${link}>`;
  const note = withheld ? '; the withheld secret values must be filled in' : '';
  return `Opens this setup in Hookpad (it does not run by itself${note}):\n\n${shown}`;
}

function codeBlock(content: string, language: string, max: number): string {
  const part = cut(content, max);
  const block = fence(part.text, language);
  return part.cut > 0 ? `${block}\n\n_${plural(part.cut, 'more character')} cut._` : block;
}

type Parsed = { ok: true; value: JsonValue } | { ok: false; message: string };

function parseJson(source: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(source) as JsonValue };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const jsonText = (value: JsonValue): string => JSON.stringify(value, null, 2);

function payloadSection(payloadText: string, parsed: Parsed, redactor: Redactor): string {
  if (parsed.ok) return codeBlock(jsonText(redactor.json(parsed.value)), 'json', MAX_PAYLOAD_CHARS);
  return `The payload is not valid JSON (${text(parsed.message)}); as typed:\n\n${codeBlock(
    redactor.text(payloadText),
    'json',
    MAX_PAYLOAD_CHARS,
  )}`;
}

function secretsSection(
  rows: HookDraft['secrets'],
  includeSecrets: boolean,
  redactor: Redactor,
): string {
  if (rows.length === 0) return 'none';
  return table(
    ['Name', 'Value'],
    rows.map((row, index) => {
      const name = row.name.trim();
      const shownName = name === '' ? `(no name, row ${index + 1})` : code(name);
      let value: string;
      if (row.value === '')
        value = row.notExported ? '(empty: not in the export it came from)' : '(empty)';
      else if (includeSecrets) value = code(cut(redactor.text(row.value), MAX_BODY_CHARS).text);
      else
        value = `${code(secretPlaceholder(name === '' ? `row ${index + 1}` : name))} (value not shared)`;
      return [shownName, value];
    }),
  );
}

function mocksSection(mocks: ReturnType<typeof networkForRun>['mocks']): string {
  if (mocks.length === 0) return 'none';
  return mocks
    .map((mock, index) => {
      const answer = mock.networkError
        ? 'a network error (connection reset)'
        : `${mock.status}${mock.delayMs > 0 ? ` after ${mock.delayMs} ms` : ''}`;
      const lines = [
        `${index + 1}. ${code(mock.method)} ${code(mock.urlPattern)} → ${answer} (mock ${code(mock.id)})`,
      ];
      if (!mock.networkError && Object.keys(mock.headers).length > 0) {
        lines.push('', 'Headers:', '', codeBlock(jsonText(mock.headers), 'json', MAX_BODY_CHARS));
      }
      if (!mock.networkError && mock.body !== '') {
        lines.push('', 'Body:', '', bodyBlock(mock.body));
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/** A body as a block, marked as JSON when it is. */
function bodyBlock(body: string): string {
  return codeBlock(body, parseJson(body).ok ? 'json' : 'text', MAX_BODY_CHARS);
}

function outcomeSection(
  run: ReproductionRun | null,
  pointId: PointId,
  draftPayload: Parsed,
  redactor: Redactor,
): string {
  if (run === null) return 'Not run yet.';
  const lines: string[] = [];
  if (run.point !== null && run.point !== pointId) {
    lines.push(`The last run was of another extensibility point (${code(run.point)}).`, '');
  }
  if (
    run.payload !== null &&
    (!draftPayload.ok || JSON.stringify(draftPayload.value) !== JSON.stringify(run.payload))
  ) {
    lines.push(
      'The payload changed since the run; the run used:',
      '',
      codeBlock(jsonText(redactor.json(run.payload)), 'json', MAX_PAYLOAD_CHARS),
      '',
    );
  }
  if (run.status === 'running' || run.outcome === null) {
    lines.push('Still running when this report was made; the output so far is below.');
    return lines.join('\n');
  }
  lines.push(...outcomeLines(run.outcome, redactor));
  return lines.join('\n');
}

const FAILURES: Record<FailureKind, string> = {
  'invalid-body': 'the platform’s body validation refused the payload',
  compile: 'the code does not compile',
  'not-a-function': 'module.exports is not a function',
  'callback-error': 'the hook called cb with an error',
  thrown: 'the hook threw',
  'async-throw': 'an exception escaped from a timer or callback',
  rejected: 'the promise the hook returned rejected',
  unserializable: 'the response cannot be turned into JSON',
};

function outcomeLines(outcome: ShownOutcome, redactor: Redactor): string[] {
  const duration = `${Math.round(outcome.durationMs)} ms`;
  switch (outcome.status) {
    case 'succeeded':
      return [
        `- Status: succeeded in ${duration}`,
        '',
        outcome.response === undefined
          ? 'Response: none (cb was called without a value).'
          : `Response:\n\n${codeBlock(jsonText(redactor.json(outcome.response)), 'json', MAX_VALUE_CHARS)}`,
      ];
    case 'failed': {
      const { error } = outcome;
      const lines = [
        `- Status: failed in ${duration}: ${text(FAILURES[outcome.kind])} (${code(outcome.kind)})`,
        `- Error: ${code(redactor.text(`${error.name}: ${error.message}`))}${
          error.location ? ` at line ${error.location.line}, column ${error.location.column}` : ''
        }`,
      ];
      if (error.friendlyMessage !== undefined) {
        lines.push(`- Message to the user: ${code(redactor.text(error.friendlyMessage))}`);
      }
      if (error.props !== undefined && Object.keys(error.props).length > 0) {
        lines.push(
          '',
          'Error properties:',
          '',
          codeBlock(jsonText(redactor.json(error.props)), 'json', MAX_VALUE_CHARS),
        );
      }
      return lines;
    }
    case 'timed-out':
      return [
        `- Status: timed out after ${duration}${outcome.hint !== undefined ? ` (${text(outcome.hint)})` : ''}`,
      ];
    case 'cancelled':
      return [`- Status: cancelled after ${duration}`];
    case 'crashed':
      return [
        `- Status: the sandbox crashed after ${duration}: ${text(redactor.text(outcome.message))}`,
      ];
    case 'not-started':
      return [`- Status: not started (${outcome.field}): ${text(redactor.text(outcome.message))}`];
  }
}

function logLine(entry: LogEntry, redactor: Redactor): string {
  const level = entry.source === 'runtime' ? `runtime ${entry.level}` : entry.level;
  const where = entry.location ? ` (line ${entry.location.line}:${entry.location.column})` : '';
  const after = entry.afterCallback ? ' [after callback]' : '';
  const part = cut(redactor.text(entry.text), MAX_LOG_ENTRY_CHARS);
  const more = part.cut > 0 ? ` … (${plural(part.cut, 'more character')} cut)` : '';
  return `+${Math.round(entry.timeMs)} ms [${level}]${after}${where} ${part.text}${more}`;
}

function consoleSection(run: ReproductionRun | null, redactor: Redactor): string {
  if (run === null) return 'Not run yet.';
  if (run.logs.length === 0 && run.droppedLogs === 0) return 'none';
  const lines: string[] = [];
  let size = 0;
  for (const entry of run.logs) {
    if (lines.length >= MAX_CONSOLE_LINES || size >= MAX_CONSOLE_CHARS) break;
    const line = logLine(entry, redactor);
    lines.push(line);
    size += line.length + 1;
  }
  const parts = [fence(lines.join('\n'), 'text')];
  const omitted = run.logs.length - lines.length;
  if (omitted > 0) {
    parts.push(`${plural(omitted, 'more console line')} omitted from this report.`);
  }
  if (run.droppedLogs > 0) {
    parts.push(
      `The run dropped ${plural(run.droppedLogs, 'more console line')} beyond Hookpad’s limit.`,
    );
  }
  return parts.join('\n\n');
}

const ANSWERED_BY: Record<OutboundEntry['answeredBy'], string> = {
  mock: 'mock',
  blocked: 'blocked (no mock matched, network off)',
  network: 'network (sent for real)',
  sdk: 'auto-mock',
};

function requestSummary(entry: OutboundEntry, redactor: Redactor): string {
  if (entry.kind === 'sdk') return redactor.text(entry.call ?? entry.client);
  const url = cut(redactor.text(entry.url ?? ''), MAX_URL_CHARS);
  return `${entry.method ?? 'GET'} ${url.text}${url.cut > 0 ? '…' : ''}`;
}

function requestsSection(run: ReproductionRun | null, redactor: Redactor): string {
  if (run === null) return 'Not run yet.';
  if (run.requests.length === 0 && run.droppedRequests === 0) return 'none';
  const listed = run.requests.slice(0, MAX_REQUEST_ROWS);
  const rows = listed.map((entry, index) => [
    String(index + 1),
    code(requestSummary(entry, redactor)),
    entry.answeredBy === 'mock' && entry.mockId !== undefined
      ? `mock ${code(entry.mockId)}`
      : ANSWERED_BY[entry.answeredBy],
    entry.error !== undefined
      ? code(cut(redactor.text(entry.error), MAX_URL_CHARS).text)
      : entry.status !== undefined
        ? String(entry.status)
        : '',
    `${entry.client}${entry.afterCallback ? ', after callback' : ''}`,
  ]);
  const parts = [table(['#', 'Request', 'Answered by', 'Status', 'Client'], rows)];
  if (run.requests.length > listed.length) {
    parts.push(
      `${plural(run.requests.length - listed.length, 'more request')} omitted from this report.`,
    );
  }
  if (run.droppedRequests > 0) {
    parts.push(
      `The run dropped ${plural(run.droppedRequests, 'more request')} beyond Hookpad’s limit.`,
    );
  }

  let size = 0;
  let skipped = 0;
  listed.forEach((entry, index) => {
    const detail = requestDetail(entry, index + 1, redactor);
    if (detail === null) return;
    if (size + detail.length > MAX_REQUEST_DETAIL_CHARS) {
      skipped += 1;
      return;
    }
    size += detail.length;
    parts.push(detail);
  });
  if (skipped > 0) parts.push(`Headers and bodies of ${plural(skipped, 'more request')} omitted.`);
  return parts.join('\n\n');
}

function requestDetail(entry: OutboundEntry, number: number, redactor: Redactor): string | null {
  const blocks: string[] = [];
  const headers = (label: string, value: Record<string, string> | undefined) => {
    if (value !== undefined && Object.keys(value).length > 0) {
      blocks.push(`${label}:`, codeBlock(jsonText(redactor.json(value)), 'json', MAX_BODY_CHARS));
    }
  };
  const body = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '')
      blocks.push(`${label}:`, bodyBlock(redactor.text(value)));
  };
  if (entry.kind === 'sdk') {
    if (entry.args !== undefined && entry.args.length > 0) {
      blocks.push(
        'Arguments:',
        codeBlock(jsonText(redactor.json(entry.args)), 'json', MAX_BODY_CHARS),
      );
    }
  } else {
    headers('Request headers', entry.requestHeaders);
    body('Request body', entry.requestBody);
    headers('Response headers', entry.responseHeaders);
    body('Response body', entry.responseBody);
  }
  if (blocks.length === 0) return null;
  return [`### ${number}. ${code(requestSummary(entry, redactor))}`, ...blocks].join('\n\n');
}

/** Hidden values that the report shows anyway, because code and mocks are shared as written. */
function unhiddenValues(draft: HookDraft, redactor: Redactor): string[] {
  const places: [string, string][] = [
    ['the code', draft.code],
    [
      'the HTTP mocks',
      draft.network.mocks
        .map((mock) => `${mock.urlPattern}\n${JSON.stringify(mock.headers)}\n${mock.body}`)
        .join('\n'),
    ],
    ['the module mocks', draft.network.moduleMocks.map((mock) => mock.code).join('\n')],
  ];
  const found = places
    .filter(([, content]) =>
      redactor.values.some((value) => value.length >= 4 && content.includes(value)),
    )
    .map(([place]) => place);
  return found.length === 0
    ? []
    : [
        `${capitalise(found.join(' and '))} contain${found.length === 1 ? 's' : ''} a hidden value (a secret or the password); ${
          found.length === 1 ? 'it is' : 'they are'
        } shared as written.`,
      ];
}

const capitalise = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/**
 * The report with its sections, cutting whole sections (the least needed first) while it is
 * longer than MAX_REPORT_CHARS, so fences stay balanced and the report says what is missing.
 */
function fitReport(title: string, sections: Section[]): string {
  const render = () =>
    [title, ...sections.map((section) => `## ${section.title}\n\n${section.body}`)].join('\n\n') +
    '\n';
  let report = render();
  const candidates = sections
    .filter((section) => section.cutRank !== undefined)
    .sort((a, b) => (a.cutRank ?? 0) - (b.cutRank ?? 0));
  for (const section of candidates) {
    if (report.length <= MAX_REPORT_CHARS) break;
    const size = section.body.length;
    section.body = `_Cut: this section (${Math.ceil(size / 1000)} KB) did not fit in the report’s limit of ${
      MAX_REPORT_CHARS / 1000
    } KB.${section.title === 'Link' ? ' Use Copy share link for the link.' : ''}_`;
    report = render();
  }
  return report;
}
