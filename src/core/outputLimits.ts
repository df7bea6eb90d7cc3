// How much output one run may send to the app. Every layer applies the same numbers: the
// engine stops emitting console entries, the sandbox stops forwarding (it also bounds the
// volume), and the store stops keeping. So whichever layer a flood reaches, the user sees
// the same first entries and one count of the rest.

/**
 * Console entries one run may emit. The engine counts the entries past it and reports the
 * count in one closing entry ("N more console lines were dropped").
 */
export const MAX_LOG_ENTRIES = 1_000;

/** The most console entries one run delivers: its entries plus that closing count. */
export const MAX_LOGS_KEPT = MAX_LOG_ENTRIES + 1;

/**
 * What the sandbox forwards of one run's console. An entry's text is capped by the engine;
 * the character budget bounds the total, so a hook that prints megabytes cannot flood the
 * app's main thread, where every entry is parsed and rendered. The engine's own notices
 * (such as the closing count) are not charged against it.
 */
export const LOG_LIMITS = { maxEntries: MAX_LOG_ENTRIES, maxTextChars: 4_000_000 } as const;

/**
 * The "Outbound requests" entries of one run that the sandbox forwards and the store keeps;
 * the entries past them are counted. Bodies are capped per entry by the engine
 * (TRACE_BODY_LIMIT); the character budget bounds the total.
 */
export const REQUEST_LIMITS = { maxEntries: 1_000, maxTextChars: 8_000_000 } as const;

/**
 * Characters of a response's JSON that reach the app (docs/runtime-semantics.md §13). Past
 * it, the run still succeeds: the app gets the JSON text's first characters as a string and
 * the full size, and the platform's view is computed on the real value in the sandbox.
 */
export const MAX_RESPONSE_CHARS = 1_000_000;

/**
 * How deeply a response or a stored value may nest. The platform's JSON.stringify (Node)
 * ran out of stack a few thousand levels down, and the browser's structured clone does too,
 * so a deeper value could never reach the app: the run fails with a clear message instead.
 */
export const MAX_JSON_DEPTH = 1_000;
