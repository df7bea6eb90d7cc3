// Test support (not shipped): runs an Action and collects everything, like runHook.testkit.
import { executeAction } from './executeAction';
import { getPoint } from '../points';
import type { EngineOutcome, JsonValue, LogEntry, PointId } from '../schemas';
import type { NetworkSettings, OutboundEntry } from '../networkSchemas';

export interface ActionRun {
  outcome: EngineOutcome;
  logs: LogEntry[];
  entries: OutboundEntry[];
}

export async function runAction(
  point: PointId,
  code: string,
  options: {
    payload?: JsonValue;
    secrets?: Record<string, string>;
    network?: Partial<NetworkSettings>;
    graceMs?: number;
  } = {},
): Promise<ActionRun> {
  const logs: LogEntry[] = [];
  const entries: OutboundEntry[] = [];
  const running = executeAction(
    {
      point,
      kind: 'action',
      code,
      payload: options.payload ?? getPoint(point).defaultPayload,
      secrets: options.secrets ?? {},
      graceMs: options.graceMs ?? 0,
      network: {
        mocks: [],
        allowNetwork: false,
        moduleMocks: [],
        autoMocks: [],
        ...options.network,
      },
    },
    { onLog: (entry) => logs.push(entry), onRequest: (entry) => entries.push(entry) },
  );
  const outcome = await running.settled;
  await running.finished;
  return { outcome, logs, entries };
}

/** An Action of this trigger whose handler body is `body` (event and api in scope). */
export function action(exportName: string, body: string): string {
  return `exports.${exportName} = async (event, api) => {\n${body}\n};`;
}
