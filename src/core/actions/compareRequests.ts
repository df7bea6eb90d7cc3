import type { OutboundEntry } from '../networkSchemas';
import type { JsonValue } from '../schemas';
import type { Difference } from './comparisonSchemas';
import { jsonDiff } from '../testCases/jsonDiff';
import { isJsonEqual, isJsonObject } from '../testCases/jsonMatch';
import { bothSides } from './comparisonText';

// Outbound requests in the platform's terms (docs/runtime-semantics.md §18.9): what left the
// sandbox, in order — method, URL and body of HTTP requests, the call and arguments of
// auto-mocked SDK calls. Headers, timings, answers and who answered (mock, network) are not
// compared: the same request is the same request, whichever client sent it.

const MAX_CLAUSES = 3;

interface Sent {
  /** "POST https://a.example/x", or an SDK call chain. */
  label: string;
  body: JsonValue | undefined;
}

function parsed(text: string | undefined): JsonValue | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function sent(entry: OutboundEntry): Sent {
  if (entry.kind === 'sdk') {
    // Named, so a difference reads "args[0].to: …".
    return { label: entry.call ?? entry.client, body: { args: entry.args ?? [] } };
  }
  return {
    label: `${(entry.method ?? 'GET').toUpperCase()} ${entry.url ?? ''}`,
    body: parsed(entry.requestBody),
  };
}

/** The body's differences, one clause each: "text: hook 'a', action 'b'". */
function bodyClauses(hook: JsonValue | undefined, action: JsonValue | undefined): string[] {
  if (isJsonObject(hook) && isJsonObject(action)) {
    return jsonDiff(hook, action).map((difference) => {
      const before = difference.kind === 'unexpected' ? undefined : difference.expected;
      const after = difference.kind === 'missing' ? undefined : difference.actual;
      return `${difference.path}: ${bothSides(before, after)}`;
    });
  }
  return [bothSides(hook, action, '— none')];
}

/** At most a few clauses, so a rewritten body stays one readable line. */
function summarised(clauses: string[]): string {
  const shown = clauses.slice(0, MAX_CLAUSES).join('; ');
  const more = clauses.length - MAX_CLAUSES;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

export function compareRequests(
  hook: readonly OutboundEntry[],
  action: readonly OutboundEntry[],
): Difference[] {
  const differences: Difference[] = [];
  for (let index = 0; index < Math.max(hook.length, action.length); index += 1) {
    const number = index + 1;
    const hookEntry = hook[index];
    const actionEntry = action[index];
    const ours = hookEntry ? sent(hookEntry) : undefined;
    const theirs = actionEntry ? sent(actionEntry) : undefined;
    if (!ours || !theirs || ours.label !== theirs.label) {
      const text = `request ${number}: hook ${ours?.label ?? '— none'}, action ${theirs?.label ?? '— none'}`;
      differences.push({ kind: 'request', text });
      continue;
    }
    const same =
      ours.body === undefined || theirs.body === undefined
        ? ours.body === theirs.body
        : isJsonEqual(ours.body, theirs.body);
    if (same) continue;
    differences.push({
      kind: 'request',
      text: `request ${number} body differs: ${summarised(bodyClauses(ours.body, theirs.body))}`,
    });
  }
  return differences;
}
