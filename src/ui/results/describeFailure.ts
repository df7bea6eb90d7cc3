import type { FailureKind } from '../../core/schemas';

/** What each failure kind means, in words a hook author recognises. */
export const FAILURE_KIND_TEXT: Record<FailureKind, string> = {
  'invalid-body': 'The platform refused the payload before calling the hook.',
  compile: 'The code does not compile.',
  'not-a-function': 'module.exports is not a function.',
  'callback-error': 'The hook called back with an error.',
  thrown: 'The hook threw an error.',
  'async-throw': 'An error was thrown in a timer or callback.',
  rejected: "The hook's promise was rejected.",
  unserializable: 'The response cannot be serialized to JSON.',
};
