// Test support (not shipped): runs a hook with network settings and collects everything.
import { executeHook } from '../executeHook';
import { getPoint } from '../points';
import type { EngineOutcome, LogEntry, PointId } from '../schemas';
import type { HttpMock, NetworkSettings, OutboundEntry } from '../networkSchemas';
import type { PackageTree } from '../commonjs/packageTree';

export interface HookRun {
  outcome: EngineOutcome;
  logs: LogEntry[];
  entries: OutboundEntry[];
  /** Log texts, with " (after callback)" where marked. */
  lines: string[];
}

export function mock(fields: Partial<HttpMock> & Pick<HttpMock, 'urlPattern'>): HttpMock {
  return {
    id: fields.id ?? `mock-${fields.urlPattern}`,
    method: 'ANY',
    status: 200,
    headers: {},
    body: '',
    delayMs: 0,
    ...fields,
  };
}

export async function runHook(
  code: string,
  network: Partial<NetworkSettings> = {},
  options: { point?: PointId; graceMs?: number; payload?: unknown; packages?: PackageTree } = {},
): Promise<HookRun> {
  const point = getPoint(options.point ?? 'post-user-registration');
  const logs: LogEntry[] = [];
  const entries: OutboundEntry[] = [];
  const hook = executeHook(
    {
      point: point.id,
      code,
      payload: (options.payload ?? point.defaultPayload) as never,
      secrets: {},
      graceMs: options.graceMs ?? 50,
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [], ...network },
      ...(options.packages ? { packages: options.packages } : {}),
    },
    { onLog: (entry) => logs.push(entry), onRequest: (entry) => entries.push(entry) },
  );
  const outcome = await hook.settled;
  await hook.finished;
  return {
    outcome,
    logs,
    entries,
    lines: logs.map((entry) => entry.text + (entry.afterCallback ? ' (after callback)' : '')),
  };
}

/** A post-user-registration hook whose body is `body` (user, context, cb in scope). */
export function hook(body: string): string {
  return `module.exports = async function (user, context, cb) {\n${body}\n};`;
}
