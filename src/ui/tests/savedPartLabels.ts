import type { SavedPart } from '../../core/testCases/expectationsFromRun';

/** What each part of a run is called in "Save as test" (the results' own titles). */
export const SAVED_PART_LABELS: Record<SavedPart, string> = {
  outcome: 'Outcome',
  response: 'Response',
  mergedUser: 'Merged user',
  claims: 'Access token claims',
  messageToUser: 'Message to the user',
  console: 'Console',
  requests: 'Outbound requests',
  storage: 'Storage after the run',
};

/**
 * Ticked when the dialog opens: what the hook decides. Console lines, requests and storage
 * are often incidental (timestamps, logging), so they are saved only when asked for.
 */
export const DEFAULT_SAVED_PARTS: readonly SavedPart[] = ['outcome', 'response', 'mergedUser'];
