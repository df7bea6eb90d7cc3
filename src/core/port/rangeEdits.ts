// Text edits by source range, applied in one pass. A structural edit (a whole statement
// rewritten) may embed the text of a sub-range with the smaller edits inside it already applied
// (`textWithEdits`); edits nested in another edit's range are then dropped when applying.

export interface RangeEdit {
  start: number;
  end: number;
  text: string;
}

function byPosition(a: RangeEdit, b: RangeEdit): number {
  return a.start - b.start || a.end - b.end;
}

/** Drops every edit that lies inside another (larger) edit; insertions stay in their order. */
function outermost(edits: readonly RangeEdit[]): RangeEdit[] {
  const kept: RangeEdit[] = [];
  for (const edit of [...edits].sort(byPosition)) {
    const inside = edits.some((other) => {
      if (other === edit || other.end <= other.start) return false;
      // An insertion at either end of a rewrite stays; one strictly inside it goes.
      if (edit.end === edit.start) return edit.start > other.start && edit.start < other.end;
      const larger = other.end - other.start > edit.end - edit.start;
      return larger && other.start <= edit.start && edit.end <= other.end;
    });
    if (!inside) kept.push(edit);
  }
  return kept;
}

/** `source[start, end)` with the edits that lie wholly inside that range applied. */
export function textWithEdits(
  source: string,
  start: number,
  end: number,
  edits: readonly RangeEdit[],
): string {
  const inner = edits.filter((edit) => edit.start >= start && edit.end <= end);
  return applyEdits(
    source.slice(start, end),
    inner.map((edit) => shift(edit, -start)),
  ).code;
}

function shift(edit: RangeEdit, by: number): RangeEdit {
  return { ...edit, start: edit.start + by, end: edit.end + by };
}

export interface AppliedEdits {
  code: string;
  /** Where each edit's text starts in `code`, by edit (dropped nested edits are absent). */
  positions: Map<RangeEdit, number>;
}

/** Applies non-overlapping edits (nested ones are dropped), recording where each one landed. */
export function applyEdits(source: string, edits: readonly RangeEdit[]): AppliedEdits {
  let code = '';
  let cursor = 0;
  const positions = new Map<RangeEdit, number>();
  for (const edit of outermost(edits)) {
    if (edit.start < cursor) continue; // overlapping: the first one wins
    code += source.slice(cursor, edit.start);
    positions.set(edit, code.length);
    code += edit.text;
    cursor = edit.end;
  }
  return { code: code + source.slice(cursor), positions };
}

/** 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) line += 1;
  }
  return line;
}

/** Offset of the start of the line holding `offset`, and that line's indentation. */
export function lineStart(text: string, offset: number): { start: number; indent: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
  return { start, indent };
}
