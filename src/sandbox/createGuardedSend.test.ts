import { describe, expect, test } from 'vitest';
import { createGuardedSend, sendFailureMessage } from './createGuardedSend';
import type { WorkerToHost } from './protocol';

/** A port whose structured clone fails the way a browser's does on a too-deep value. */
function port() {
  const sent: WorkerToHost[] = [];
  const post = (message: WorkerToHost) => sent.push(structuredClone(message));
  return { sent, send: createGuardedSend<WorkerToHost>(post) };
}

function deep(levels: number) {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) value = { a: value };
  return value as never;
}

describe('guarded sends', () => {
  test('a message that clones is sent as it is', () => {
    const { sent, send } = port();
    send({ type: 'finished', runId: 3 });
    expect(sent).toEqual([{ type: 'finished', runId: 3 }]);
  });

  test('an answer nested too deeply to clone becomes a clear failed outcome at once', () => {
    const { sent, send } = port();
    send({
      type: 'settled',
      runId: 3,
      outcome: { status: 'succeeded', durationMs: 12, response: deep(100_000) },
    });
    expect(sent).toEqual([
      {
        type: 'settled',
        runId: 3,
        outcome: {
          status: 'failed',
          kind: 'unserializable',
          error: {
            name: 'Error',
            message: "The hook's answer could not be sent to Hookpad: nested too deeply",
          },
          durationMs: 12,
        },
      },
    ]);
  });

  test('any other message that cannot be sent ends the run as a fault', () => {
    const { sent, send } = port();
    send({ type: 'storage', runId: 4, state: { data: deep(100_000), etag: 'e' } });
    expect(sent).toEqual([
      {
        type: 'fault',
        runId: 4,
        message: "The hook's storage could not be sent to Hookpad: nested too deeply",
      },
    ]);
  });

  test('a send that keeps throwing never throws to its caller', () => {
    const send = createGuardedSend<WorkerToHost>(() => {
      throw new DOMException('no', 'DataCloneError');
    });
    expect(() => send({ type: 'log', runId: 1, entries: [] })).not.toThrow();
    expect(sendFailureMessage('log', new DOMException('no', 'DataCloneError'))).toBe(
      "The hook's console output could not be sent to Hookpad: it cannot be copied",
    );
  });
});
