import { parse } from 'acorn';
import { expect } from 'vitest';
import type { PortResult } from '../actions/actionSchemas';
import type { PointId } from '../schemas';
import { portHookToAction } from './portHookToAction';

// Test helpers for the port: every output must parse as the Action's CommonJS module, and every
// note must sit on a TODO(port) line of that output.

export function parsesAsAction(code: string): boolean {
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
    return true;
  } catch {
    return false;
  }
}

/** Ports, and checks what holds for every port: it parses and its notes point at TODO lines. */
export function port(
  code: string,
  point: PointId,
  dependencies?: Record<string, string>,
): PortResult {
  const result = portHookToAction(code, point, dependencies);
  expect(parsesAsAction(result.code), result.code).toBe(true);
  const lines = result.code.split('\n');
  for (const note of result.notes) {
    expect(lines[note.line - 1]?.trim()).toBe(`// TODO(port): ${note.message}`);
  }
  return result;
}

/** A hook of the user points with the given body lines. */
export function userHook(...body: string[]): string {
  return `module.exports = function (user, context, cb) {\n${body.map((line) => `  ${line}`).join('\n')}\n};\n`;
}

/** The constructs noted, in order. */
export function constructs(result: PortResult): string[] {
  return result.notes.map((note) => note.construct);
}
