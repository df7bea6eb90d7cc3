// The bench's arithmetic, kept pure so that a Vitest test pins it (stats.test.ts).

/** @param {number[]} xs */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** @param {number[]} xs */
export function p95(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

/** @param {number} x @param {number} [digits] */
export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * [min, max] of the values.
 * @param {number[]} xs
 * @returns {[number, number]}
 */
export const spread = (xs) => [Math.min(...xs), Math.max(...xs)];

/**
 * A ratio that holds across a noisy machine: each round compares medians sampled in the same
 * minutes (interleaved), and the result is the median of those per-round ratios, with their
 * spread. `labels` name the two sides in the report.
 * @param {{ value: number[], baseline: number[] }[]} rounds
 * @param {{ value: string, baseline: string }} labels
 */
export function ratioOfRounds(rounds, labels) {
  const perRound = rounds.map(({ value, baseline }) => {
    const v = median(value);
    const b = median(baseline);
    return { [labels.value]: round(v), [labels.baseline]: round(b), ratio: v / b };
  });
  const ratios = perRound.map((r) => r.ratio);
  const [lo, hi] = spread(ratios);
  return {
    median: round(median(ratios)),
    spread: [round(lo), round(hi)],
    rounds: perRound.map((r) => ({ ...r, ratio: round(r.ratio) })),
  };
}

/**
 * Cumulative layout shift of one load: the layout-shift entries up to `untilMs` (from the
 * time origin), leaving out shifts that followed the user's input, as CLS does.
 * @param {{ value: number, startTime: number, hadRecentInput: boolean }[]} entries
 * @param {number} untilMs
 */
export function clsSum(entries, untilMs) {
  return entries
    .filter((e) => !e.hadRecentInput && e.startTime <= untilMs)
    .reduce((sum, e) => sum + e.value, 0);
}

/**
 * @typedef {{ name: string, value: number, op: '<=' | '<', limit: number, unit?: string,
 *   spread?: [number, number] }} Target
 */

/** @param {Target} t @returns {'PASS' | 'MISS'} */
export function verdict(t) {
  const ok = t.op === '<=' ? t.value <= t.limit : t.value < t.limit;
  return ok ? 'PASS' : 'MISS';
}

/**
 * One line per target: value, spread (if any), target and PASS/MISS; a spread whose worst
 * round misses the target is flagged, since the median alone may hide it.
 * @param {Target[]} targets
 */
export function summaryLines(targets) {
  return targets.map((t) => {
    const unit = t.unit ?? '';
    const range = t.spread ? ` [${t.spread[0]}–${t.spread[1]}]` : '';
    const worst = t.spread && verdict({ ...t, value: t.spread[1] }) === 'MISS';
    const note = verdict(t) === 'PASS' && worst ? ' (a round missed)' : '';
    return `${t.name}: ${t.value}${unit}${range}  target ${t.op} ${t.limit}${unit}  ${verdict(t)}${note}`;
  });
}
