import { describe, expect, it } from 'vitest';
import {
  clsSum,
  median,
  p95,
  ratioOfRounds,
  round,
  spread,
  summaryLines,
  verdict,
} from './stats.mjs';

describe('median and p95', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('p95 is the value 95 % of the samples do not exceed', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(p95(xs)).toBe(19);
    expect(p95([7])).toBe(7);
  });

  it('rounds to two digits unless told otherwise, and spread is [min, max]', () => {
    expect(round(0.6666)).toBe(0.67);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(spread([0.7, 0.5, 0.9])).toEqual([0.5, 0.9]);
  });
});

describe('ratioOfRounds', () => {
  it('is the median of the per-round ratios of medians, with their spread', () => {
    const report = ratioOfRounds(
      [
        { value: [10, 12, 11], baseline: [20, 22, 21] }, // 11 / 21
        { value: [30, 30, 30], baseline: [40, 40, 40] }, // 0.75
        { value: [5, 6], baseline: [10, 10] }, // 0.55
      ],
      { value: 'hookpadMs', baseline: 'bareMs' },
    );
    expect(report.median).toBe(0.55);
    expect(report.spread).toEqual([0.52, 0.75]);
    expect(report.rounds).toEqual([
      { hookpadMs: 11, bareMs: 21, ratio: 0.52 },
      { hookpadMs: 30, bareMs: 40, ratio: 0.75 },
      { hookpadMs: 5.5, bareMs: 10, ratio: 0.55 },
    ]);
  });

  it('differs from the ratio of pooled medians when one round is slow on both sides', () => {
    // A loaded minute doubles both sides of round 2: per round the ratio stays 0.5.
    const report = ratioOfRounds(
      [
        { value: [10], baseline: [20] },
        { value: [40], baseline: [80] },
        { value: [10], baseline: [20] },
      ],
      { value: 'a', baseline: 'b' },
    );
    expect(report.median).toBe(0.5);
    expect(report.spread).toEqual([0.5, 0.5]);
  });
});

describe('clsSum', () => {
  it('sums the shifts up to the cut-off that did not follow an input', () => {
    const entries = [
      { value: 0.01, startTime: 100, hadRecentInput: false },
      { value: 0.5, startTime: 200, hadRecentInput: true },
      { value: 0.02, startTime: 900, hadRecentInput: false },
      { value: 0.3, startTime: 1501, hadRecentInput: false },
    ];
    expect(clsSum(entries, 1500)).toBeCloseTo(0.03, 10);
    expect(clsSum([], 1500)).toBe(0);
  });
});

describe('verdicts', () => {
  it('passes at the limit for <= and not for <', () => {
    expect(verdict({ name: 'r', value: 0.7, op: '<=', limit: 0.7 })).toBe('PASS');
    expect(verdict({ name: 'r', value: 0.71, op: '<=', limit: 0.7 })).toBe('MISS');
    expect(verdict({ name: 'cls', value: 0.05, op: '<', limit: 0.05 })).toBe('MISS');
    expect(verdict({ name: 'cls', value: 0.049, op: '<', limit: 0.05 })).toBe('PASS');
  });

  it('prints one line per target, flagging a round that missed behind a passing median', () => {
    expect(
      summaryLines([
        { name: 'runLatencyRatio', value: 0.62, op: '<=', limit: 0.7, spread: [0.58, 0.66] },
        { name: 'fcpRatio', value: 1.4, op: '<=', limit: 1.5, spread: [1.2, 1.7] },
        { name: 'bytesBeforeMonaco', value: 149.2, op: '<=', limit: 110, unit: ' KiB' },
      ]),
    ).toEqual([
      'runLatencyRatio: 0.62 [0.58–0.66]  target <= 0.7  PASS',
      'fcpRatio: 1.4 [1.2–1.7]  target <= 1.5  PASS (a round missed)',
      'bytesBeforeMonaco: 149.2 KiB  target <= 110 KiB  MISS',
    ]);
  });
});
