import type { CodeLocation } from './schemas';
import type { LogSink } from './createLogSink';
import { locateInStack } from './hookLocator';
import { secondCbText, workAfterSecondCbText } from './runtimeMessages';

/**
 * The calls of cb after the run settled (docs/runtime-semantics.md §5). On the platform the
 * first repeated call threw out of cb (the answer's headers were already sent) and crashed the
 * request, so nothing after it ran; Hookpad ignores the call, says so, and marks the first
 * output the hook still produced after it.
 */
export function watchLateCallbacks(sink: LogSink): {
  /** The sink for the hook's environment: its first entry after a second cb gets the note. */
  hookSink: LogSink;
  /** Reports call number `calls` of cb, made after the run settled. */
  lateCall(calls: number): void;
} {
  let crashedAt: CodeLocation | undefined;
  let crashed = false;
  let noted = false;

  return {
    hookSink: {
      ...sink,
      emit(input) {
        if (crashed && !noted) {
          noted = true;
          const text = workAfterSecondCbText(crashedAt?.line);
          sink.emit({ level: 'warn', source: 'runtime', text, location: crashedAt });
        }
        sink.emit(input);
      },
    },
    lateCall(calls) {
      const location = locateInStack(new Error().stack);
      const first = calls > 1 && !crashed;
      if (first) {
        crashed = true;
        crashedAt = location;
      }
      const text =
        calls > 1
          ? secondCbText(calls, first)
          : 'cb was called after the run had already failed — ignored';
      sink.emit({ level: 'warn', source: 'runtime', text, location });
    },
  };
}
