import { describe, expect, it } from 'vitest';
import { runAction } from '../actions/runAction.testkit';
import { examples } from '../examples';
import { payloadOf, runExample, viewOf } from '../examples/runExample.testkit';
import { portHookToAction } from './portHookToAction';
import { parsesAsAction } from './portTestkit';

// Every gallery example through the port: the Action parses, and the notes it gets are the
// untranslatable constructs of that example (docs/runtime-semantics.md §19). The equivalence of
// each port is proved by the comparison report; here, a port without notes must already answer
// as its hook on the platform.

describe('the gallery through the port', () => {
  it('ports every example to an Action that parses, with these notes', () => {
    const ported = examples.map((example) => {
      const result = portHookToAction(example.code, example.point);
      expect(parsesAsAction(result.code), example.id).toBe(true);
      return {
        id: example.id,
        dependencies: result.dependencies,
        notes: result.notes.map((note) => `${note.hookLine}→${note.line} ${note.construct}`),
      };
    });
    expect(ported).toMatchSnapshot();
  });

  it('an example whose port needs no notes answers as its hook on the platform', async () => {
    for (const example of examples) {
      const port = portHookToAction(example.code, example.point);
      if (port.notes.length > 0) continue;
      const hook = await runExample(example);
      const action = await runAction(example.point, port.code, {
        payload: payloadOf(example),
        secrets: example.secrets ?? {},
        graceMs: 200,
      });
      expect(viewOf(example, action.outcome), example.id).toEqual(viewOf(example, hook.outcome));
    }
  }, 30_000);
});
