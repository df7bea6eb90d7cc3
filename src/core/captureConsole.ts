import type { CodeLocation, LogLevel } from './schemas';
import type { LogSink } from './createLogSink';
import { formatLogText, inspectValue } from './formatLog';
import { serialize } from './serialize';
import { locateInStack, rewriteStack } from './hookLocator';

/** Where the console method was called from, in the user's code. */
function callerLocation(): CodeLocation | undefined {
  return locateInStack(new Error().stack);
}

/**
 * console.dir's `depth` (Node's levels below the top; null for all) as inspectValue's depth,
 * which counts the top level too. `colors` and `showHidden` do not change plain text here.
 */
function dirDepth(options: unknown): number | undefined {
  if (options === null || typeof options !== 'object' || !('depth' in options)) return undefined;
  const { depth } = options as { depth: unknown };
  if (depth === null || depth === Infinity) return Infinity;
  return typeof depth === 'number' && depth >= 0 ? Math.floor(depth) + 1 : undefined;
}

/**
 * The `console` a hook sees. Every call becomes one LogEntry with Node-formatted text,
 * the structured arguments and the line of the call. Methods Node has but Hookpad does not
 * render specially (table, dir, group, count, time, assert) degrade to plain lines, so a
 * hook never crashes on them.
 */
export function captureConsole(sink: LogSink, now: () => number): Record<string, unknown> {
  let indent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  function write(level: LogLevel, args: readonly unknown[], text = formatLogText(args)): void {
    const prefixed = indent ? text.replace(/^/gm, indent) : text;
    sink.emit({
      level,
      source: 'hook',
      text: prefixed,
      args: args.map((arg) => serialize(arg)),
      location: callerLocation(),
    });
  }

  const label = (value: unknown) => (value === undefined ? 'default' : String(value));

  return {
    log: (...args: unknown[]) => write('log', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    debug: (...args: unknown[]) => write('debug', args),
    trace: (...args: unknown[]) => {
      const stack = rewriteStack(new Error().stack) ?? '';
      const frames = stack.split('\n').slice(1).join('\n');
      write('debug', args, `Trace: ${formatLogText(args)}${frames ? '\n' + frames : ''}`);
    },
    dir: (value: unknown, options?: unknown) =>
      write('log', [value], inspectValue(value, dirDepth(options))),
    table: (data: unknown) => write('log', [data]),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (condition) return;
      const detail = args.length > 0 ? `: ${formatLogText(args)}` : '';
      write('error', args, `Assertion failed${detail}`);
    },
    count: (name?: unknown) => {
      const key = label(name);
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      write('info', [], `${key}: ${count}`);
    },
    countReset: (name?: unknown) => counts.delete(label(name)),
    time: (name?: unknown) => timers.set(label(name), now()),
    timeLog: (name?: unknown, ...args: unknown[]) => timing(label(name), false, args),
    timeEnd: (name?: unknown) => timing(label(name), true, []),
    group: (...args: unknown[]) => {
      if (args.length > 0) write('log', args);
      indent += '  ';
    },
    groupCollapsed: (...args: unknown[]) => {
      if (args.length > 0) write('log', args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
  };

  function timing(key: string, end: boolean, args: unknown[]): void {
    const started = timers.get(key);
    if (started === undefined) {
      write('warn', [], `Warning: No such label '${key}' for console.time${end ? 'End' : 'Log'}()`);
      return;
    }
    if (end) timers.delete(key);
    const extra = args.length > 0 ? ' ' + formatLogText(args) : '';
    write('info', args, `${key}: ${(now() - started).toFixed(3)}ms${extra}`);
  }
}
