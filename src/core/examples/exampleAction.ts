import type { ActionDraft, PortNote } from '../actions/actionSchemas';
import { portHookToAction, TODO_PREFIX } from '../port/portHookToAction';
import type { HookExample } from './types';

/**
 * A port note re-pointed at its `// TODO(port):` line in the hand-finished code, or undefined
 * when the finished Action no longer needs it.
 */
function noteIn(lines: readonly string[], note: PortNote): PortNote | undefined {
  const index = lines.findIndex((line) => line.trim() === `${TODO_PREFIX}${note.message}`);
  return index === -1 ? undefined : { ...note, line: index + 1 };
}

/**
 * A gallery example's Action: its hand-finished one, or the automatic port of its hook. The
 * notes are the port's, so an example that cannot be ported fully says why in "Port notes";
 * a hand-finished Action keeps only the notes whose TODO(port) line it still has.
 */
export function exampleAction(example: HookExample): ActionDraft {
  const port = portHookToAction(example.code, example.point);
  if (!example.action) return port;
  const lines = example.action.code.split('\n');
  return {
    code: example.action.code,
    dependencies: { ...port.dependencies, ...example.action.dependencies },
    notes: port.notes.flatMap((note) => noteIn(lines, note) ?? []),
  };
}
