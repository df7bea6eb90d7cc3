import type { HttpMock, OutboundEntry } from '../../core/networkSchemas';

/** A body as the trace shows it: JSON pretty-printed, anything else as it was sent. */
export function formatBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}

/** Headers as an HTTP message shows them, one `name: value` per line. */
export function formatHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** Who answered an HTTP request, in words: "mock #2 (POST https://api.example.com/*)". */
export function describeAnswer(entry: OutboundEntry, mocks: readonly HttpMock[]): string {
  switch (entry.answeredBy) {
    case 'mock': {
      const index = mocks.findIndex((mock) => mock.id === entry.mockId);
      const mock = mocks[index];
      if (!mock) return 'mock';
      const method = mock.method === 'ANY' ? '' : `${mock.method} `;
      return `mock #${index + 1} (${method}${mock.urlPattern})`;
    }
    case 'blocked':
      return 'blocked';
    case 'network':
      return 'network';
    case 'sdk':
      return 'auto-mock';
  }
}

/** The outcome of an HTTP request: its status, or why it has none. */
export function describeResult(entry: OutboundEntry): string {
  // A blocked request's error starts "no mock matched and the network is off: …".
  if (entry.error !== undefined) return entry.error;
  return entry.status === undefined ? 'no response' : String(entry.status);
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
