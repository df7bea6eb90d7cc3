import { describe, expect, it } from 'vitest';
import type { ShownOutcome } from '../../workspace/run/runState';
import { buildReproduction } from './buildReproduction';
import { section } from './markdownSection.testSupport';
import { input, run } from './reproductionInput.testSupport';

const outcomeOf = async (outcome: ShownOutcome) =>
  section((await buildReproduction(input({ run: run({ outcome }) }))).markdown, 'Outcome');

// The report words a run as the app's status line does.
describe('the report’s outcome wording', () => {
  it('a denial with the point’s error class is a denial, not a failure', async () => {
    const outcome = await outcomeOf({
      status: 'failed',
      kind: 'callback-error',
      durationMs: 9,
      error: { name: 'PreUserRegistrationError', message: 'no', friendlyMessage: 'Sorry' },
    });
    expect(outcome).toContain(
      '- Status: denied in 9 ms — Signup denied (the hook called cb with `PreUserRegistrationError`)',
    );
    expect(outcome).toContain('- Message to the user: `Sorry`');
  });

  it('a module Hookpad lacks is named, not called a compile error', async () => {
    const outcome = await outcomeOf({
      status: 'failed',
      kind: 'compile',
      durationMs: 3,
      error: {
        name: 'Error',
        message: "Cannot find module 'twilio'",
        props: { code: 'MODULE_NOT_FOUND', hookpadModule: 'twilio' },
      },
    });
    expect(outcome).toContain(
      "- Status: failed in 3 ms: Module 'twilio' is not available in Hookpad (`compile`)",
    );
    expect(outcome).not.toContain('does not compile');
  });
});
