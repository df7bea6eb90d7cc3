import type { CodeLocation } from './schemas';
import { HOST_NAMES, buildModuleFactory } from './buildModuleFactory';

// Hook code is compiled with `//# sourceURL=hook.js`, so V8 (Node and Chrome) and
// SpiderMonkey name its frames `hook.js:LINE:COL`. LINE counts the Function wrapper's
// header and the prelude line; the size of that header differs between engines, so it
// is measured once per realm by compiling a probe that throws on its first user line.

// Only a frame whose file is exactly `hook.js`: a package's `IncomingWebhook.js` or
// `node_modules/x/hook.js` also ends in "hook.js:" and is not the user's code.
const FRAME = /(?<![\w./$-])hook\.js:(\d+):(\d+)/g;

let measuredOffset: number | undefined;

/** How many wrapper lines precede the user's line 1 in this engine. */
export function hookLineOffset(): number {
  if (measuredOffset !== undefined) return measuredOffset;
  let offset = 4; // V8: 2 header lines, the nested wrapper line, the prelude line.
  try {
    const factory = buildModuleFactory('', 'throw new Error("probe");');
    const noop = () => undefined;
    factory(...HOST_NAMES.map(() => undefined)).call(undefined, {}, {}, noop);
  } catch (error) {
    const stack = error instanceof Error ? String(error.stack) : '';
    const match = new RegExp(FRAME.source).exec(stack);
    if (match) offset = Number(match[1]) - 1;
  }
  measuredOffset = offset;
  return offset;
}

/** Locations in the user's code of every hook.js frame of a stack, innermost first. */
export function userFrames(stack: string | undefined): CodeLocation[] {
  if (!stack) return [];
  const offset = hookLineOffset();
  const frames: CodeLocation[] = [];
  for (const match of stack.matchAll(FRAME)) {
    const line = Number(match[1]) - offset;
    // Line 0 is the prelude (e.g. inside ExtensibilityUserError's constructor): not user code.
    if (line >= 1) frames.push({ line, column: Number(match[2]) });
  }
  return frames;
}

/** The innermost frame of the user's code, if the stack has one. */
export function locateInStack(stack: string | undefined): CodeLocation | undefined {
  return userFrames(stack)[0];
}

/** A V8 frame ("    at f (hook.js:1:2)") or a SpiderMonkey/JSC one ("f@hook.js:1:2"). */
function isFrameLine(line: string): boolean {
  return /^\s+at /.test(line) || /^[^\s@]*@\S*:\d+:\d+$/.test(line);
}

/**
 * The stack as the user should read it: the message line(s), then only frames in the
 * user's code with user line numbers. Host frames (the engine, the sandbox) are noise.
 */
export function rewriteStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  const offset = hookLineOffset();
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex(isFrameLine);
  const head = firstFrame === -1 ? lines : lines.slice(0, firstFrame);
  const frames = (firstFrame === -1 ? [] : lines.slice(firstFrame)).flatMap((line) => {
    let inUserCode = false;
    const mapped = line.replace(FRAME, (_all, l: string, c: string) => {
      const userLine = Number(l) - offset;
      inUserCode = userLine >= 1;
      return `hook.js:${userLine}:${c}`;
    });
    return inUserCode ? [mapped.replace(/\beval at .*?, /, '')] : [];
  });
  return [...head, ...frames].join('\n');
}
