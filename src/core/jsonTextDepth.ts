/**
 * How deeply the JSON text nests its arrays and objects, read without parsing (so without
 * recursion: a value too deep for JSON.parse's consumers is measured safely). Stops counting
 * once the depth passes `stopAbove`, which is all a limit check needs.
 */
export function jsonTextDepth(json: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 0x22 /* " */) {
      i = endOfString(json, i);
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    }
  }
  return deepest;
}

/** The index of the quote that closes the string opened at `start`. */
function endOfString(json: string, start: number): number {
  let i = start;
  for (;;) {
    i = json.indexOf('"', i + 1);
    if (i === -1) return json.length;
    let backslashes = 0;
    while (json.charCodeAt(i - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}
