import { describe, expect, test } from 'vitest';
import type { OutcomeExpectation } from './expectationSchema';
import { actualOutcome, matchesOutcome } from './matchOutcome';
import { failed, runOf, succeeded } from './testRun.testSupport';
import type { RunOutcome } from '../schemas';

const denial = failed('PreUserRegistrationError', 'No signups from this domain', 'callback-error');
const thrownDenial = failed('PreUserRegistrationError', 'No signups', 'thrown');
const boom = failed('TypeError', 'Cannot read properties of undefined (reading "x")', 'thrown');
const timedOut: RunOutcome = { status: 'timed-out', durationMs: 20_000 };
const crashed: RunOutcome = { status: 'crashed', durationMs: 3, message: 'out of memory' };
const cancelled: RunOutcome = { status: 'cancelled', durationMs: 3 };

const matches = (
  expected: OutcomeExpectation,
  outcome: RunOutcome,
  pointId = runOf(outcome).pointId,
) => matchesOutcome(expected, { pointId, outcome });

describe('actualOutcome', () => {
  test("says how the run ended in an outcome expectation's words", () => {
    expect(actualOutcome(runOf(succeeded({})))).toEqual({ status: 'succeeded' });
    expect(actualOutcome(runOf(denial))).toEqual({
      status: 'denied',
      message: 'No signups from this domain',
    });
    expect(actualOutcome(runOf(boom))).toEqual({
      status: 'failed',
      message: 'Cannot read properties of undefined (reading "x")',
    });
    expect(actualOutcome(runOf(crashed))).toEqual({ status: 'failed', message: 'out of memory' });
    expect(actualOutcome(runOf(timedOut))).toEqual({ status: 'timed-out' });
    expect(actualOutcome(runOf(cancelled))).toEqual({ status: 'cancelled' });
  });
});

describe('matchesOutcome', () => {
  test('succeeded matches only a success', () => {
    expect(matches({ status: 'succeeded' }, succeeded())).toBe(true);
    for (const other of [denial, boom, timedOut, crashed, cancelled]) {
      expect(matches({ status: 'succeeded' }, other)).toBe(false);
    }
  });

  test("denied: the point's error class passed to cb, with the message when one is given", () => {
    expect(matches({ status: 'denied' }, denial)).toBe(true);
    expect(matches({ status: 'denied', message: 'No signups from this domain' }, denial)).toBe(
      true,
    );
    expect(matches({ status: 'denied', message: 'No signups' }, denial)).toBe(false);
  });

  test('a thrown error class, or one at a point that only logs it, is a failure, not a denial', () => {
    expect(matches({ status: 'denied' }, thrownDenial)).toBe(false);
    expect(matches({ status: 'failed' }, thrownDenial)).toBe(true);
    expect(matches({ status: 'denied' }, denial, 'post-user-registration')).toBe(false);
    expect(matches({ status: 'failed' }, denial, 'post-user-registration')).toBe(true);
    expect(matches({ status: 'failed' }, denial)).toBe(false);
  });

  test('failed: the message exactly, containing a fragment or matching a pattern', () => {
    const message = 'Cannot read properties of undefined (reading "x")';
    expect(matches({ status: 'failed' }, boom)).toBe(true);
    expect(matches({ status: 'failed', message }, boom)).toBe(true);
    expect(matches({ status: 'failed', message: 'Cannot read' }, boom)).toBe(false);
    expect(matches({ status: 'failed', message: { contains: 'Cannot read' } }, boom)).toBe(true);
    expect(matches({ status: 'failed', message: { matches: '^cannot', flags: 'i' } }, boom)).toBe(
      true,
    );
    expect(matches({ status: 'failed', message: { matches: '^undefined' } }, boom)).toBe(false);
  });

  test('a crash of the sandbox is a failure with its message', () => {
    expect(matches({ status: 'failed', message: { contains: 'memory' } }, crashed)).toBe(true);
  });

  test('timed out matches only a timeout; a cancelled run matches nothing', () => {
    expect(matches({ status: 'timed-out' }, timedOut)).toBe(true);
    expect(matches({ status: 'timed-out' }, boom)).toBe(false);
    for (const expected of [
      { status: 'succeeded' },
      { status: 'denied' },
      { status: 'failed' },
      { status: 'timed-out' },
    ] as const) {
      expect(matches(expected, cancelled)).toBe(false);
    }
  });
});
