import { z } from 'zod';
import { JsonValueSchema, LogLevelSchema } from '../schemas';

// What a test case expects of a run, in the platform's terms. Every part is optional: a test
// checks only what it names. Objects are strict so that a misspelt key in the JSON editor is
// an error rather than an expectation silently ignored.

/** Why a pattern does not compile, or undefined when it does. */
function regexProblem(source: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Adds the check that `matches` (with `flags`) compiles, at the field that is wrong. */
function compiles(value: { matches: string; flags?: string }, ctx: z.RefinementCtx): void {
  const flagsProblem = value.flags === undefined ? undefined : regexProblem('', value.flags);
  const problem = flagsProblem ?? regexProblem(value.matches, value.flags);
  if (problem !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [flagsProblem === undefined ? 'matches' : 'flags'],
      message: `Not a valid regular expression: ${problem}`,
    });
  }
}

/** A regular expression kept as text (JSON has no regex literal); `flags` e.g. "i". */
const regexFields = { matches: z.string(), flags: z.string().optional() };

/** Text that contains a fragment or matches a pattern. */
export const LineMatchSchema = z.union([
  z.strictObject({ contains: z.string() }),
  z.strictObject(regexFields).superRefine(compiles),
]);
export type LineMatch = z.infer<typeof LineMatchSchema>;

/** Text that equals a string exactly, contains a fragment, or matches a pattern. */
export const TextMatchSchema = z.union([z.string(), LineMatchSchema]);
export type TextMatch = z.infer<typeof TextMatchSchema>;

/** A JSON value compared exactly (deep equality) or as a subset ("contains"). */
export const JsonMatchSchema = z.union([
  z.strictObject({ equals: JsonValueSchema }),
  z.strictObject({ contains: JsonValueSchema }),
]);
export type JsonMatch = z.infer<typeof JsonMatchSchema>;

/**
 * How the run ended. "denied" is the hook calling back with its point's error class (the
 * platform refuses on purpose); "failed" is any other error, or a crash of the sandbox.
 */
export const OutcomeExpectationSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('succeeded') }),
  z.strictObject({
    status: z.literal('denied'),
    /** The error's message, exactly (what the status line and the token endpoint show). */
    message: z.string().optional(),
  }),
  z.strictObject({ status: z.literal('failed'), message: TextMatchSchema.optional() }),
  z.strictObject({ status: z.literal('timed-out') }),
]);
export type OutcomeExpectation = z.infer<typeof OutcomeExpectationSchema>;

/** One console line the run must print (any level unless `level` is given). */
export const ConsoleExpectationSchema = z.union([
  z.strictObject({ contains: z.string(), level: LogLevelSchema.optional() }),
  z.strictObject({ ...regexFields, level: LogLevelSchema.optional() }).superRefine(compiles),
]);
export type ConsoleExpectation = z.infer<typeof ConsoleExpectationSchema>;

/** One outbound HTTP request: method (any case) and URL, optionally a subset of its JSON body. */
export const RequestExpectationSchema = z.strictObject({
  method: z.string().min(1),
  url: TextMatchSchema,
  /** A JSON subset of the body; a body that is not JSON is compared as text. */
  body: JsonValueSchema.optional(),
});
export type RequestExpectation = z.infer<typeof RequestExpectationSchema>;

export const ExpectationsSchema = z.strictObject({
  outcome: OutcomeExpectationSchema.optional(),
  /** The value the hook called back with. */
  response: JsonMatchSchema.optional(),
  /** The user Auth0 would create (pre-user registration). */
  mergedUser: JsonMatchSchema.optional(),
  /** The access-token claims (credentials exchange). */
  claims: z
    .strictObject({
      kept: JsonMatchSchema.optional(),
      /** The names of the dropped claims, in any order, and no others. */
      dropped: z.array(z.string()).optional(),
    })
    .optional(),
  /** The denial's message to the user (friendlyMessage); null = none is shown. */
  messageToUser: z.string().nullable().optional(),
  /** Each must match some console line, in any order. */
  console: z.array(ConsoleExpectationSchema).optional(),
  /** Must appear among the run's HTTP requests in this order; others may come in between. */
  requests: z.array(RequestExpectationSchema).optional(),
  /** The webtask storage's data after the run. */
  storage: JsonMatchSchema.optional(),
});
export type Expectations = z.infer<typeof ExpectationsSchema>;
