import type { OutboundEntry } from '../../core/networkSchemas';
import { plural, type Redactor } from '../redact';
import { code, cut, table } from '../reproductionMarkdown';
import { bodyBlock, codeBlock, jsonText } from './codeBlock';
import {
  MAX_BODY_CHARS,
  MAX_REQUEST_DETAIL_CHARS,
  MAX_REQUEST_ROWS,
  MAX_URL_CHARS,
} from './reportBudget';
import type { ReproductionRun } from './reproductionInput';

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

export function requestsSection(run: ReproductionRun | null, redactor: Redactor): string {
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
