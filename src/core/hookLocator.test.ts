import { describe, expect, it } from 'vitest';
import { hookLineOffset, locateInStack, rewriteStack, userFrames } from './hookLocator';

const offset = hookLineOffset();
/** A V8 frame of the user's code at user line `line`. */
const hookFrame = (line: number, column = 5) => `hook.js:${line + offset}:${column}`;

describe('frames of the user code', () => {
  it('reads hook.js frames, V8 and SpiderMonkey shapes, innermost first', () => {
    const stack = [
      'Error: boom',
      `    at inner (${hookFrame(3)})`,
      `outer@${hookFrame(7, 1)}`,
    ].join('\n');
    expect(userFrames(stack)).toEqual([
      { line: 3, column: 5 },
      { line: 7, column: 1 },
    ]);
  });

  it("never takes a package's file that merely ends in hook.js for the hook", () => {
    const stack = [
      'Error: request failed',
      `    at send (hookpad-packages/node_modules/@slack/webhook/dist/IncomingWebhook.js:${5 + offset}:3)`,
      `    at run (hookpad-packages/node_modules/tool/hook.js:${2 + offset}:9)`,
      `    at module.exports (${hookFrame(12)})`,
    ].join('\n');
    expect(locateInStack(stack)).toEqual({ line: 12, column: 5 });
    expect(rewriteStack(stack)).toBe(
      ['Error: request failed', '    at module.exports (hook.js:12:5)'].join('\n'),
    );
  });
});
