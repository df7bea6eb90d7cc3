import type { PortResult } from '../actions/actionSchemas';
import type { PointId } from '../schemas';

// Stand-in until the port itself lands (same module, same signature): the hook's code kept
// under one note, so "Port to Action" already makes an Action draft to edit and run.

export function portHookToAction(
  code: string,
  point: PointId,
  dependencies: Record<string, string> = {},
): PortResult {
  const message = `Not ported yet: rewrite this ${point} hook as an Action by hand.`;
  return {
    code: `// TODO(port): ${message}\n${code}`,
    dependencies: { ...dependencies },
    notes: [{ line: 1, hookLine: 1, construct: 'hook', message }],
  };
}
