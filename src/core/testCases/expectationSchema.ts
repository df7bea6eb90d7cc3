import { z } from '../schemaKit';
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
function compiles(value: { matches: string; flags?: string }, ctx: z.core.$RefinementCtx): void {
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
const regexFields = { matches: z.string(), flags: z.optional(z.string()) };

/** Text that contains a fragment or matches a pattern. */
export const LineMatchSchema = z.union([
  z.strictObject({ contains: z.string() }),
  z.strictObject(regexFields).check(z.superRefine(compiles)),
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
    message: z.optional(z.string()),
  }),
  z.strictObject({ status: z.literal('failed'), message: z.optional(TextMatchSchema) }),
  z.strictObject({ status: z.literal('timed-out') }),
]);
export type OutcomeExpectation = z.infer<typeof OutcomeExpectationSchema>;

/** One console line the run must print (any level unless `level` is given). */
export const ConsoleExpectationSchema = z.union([
  z.strictObject({ contains: z.string(), level: z.optional(LogLevelSchema) }),
  z
    .strictObject({ ...regexFields, level: z.optional(LogLevelSchema) })
    .check(z.superRefine(compiles)),
]);
export type ConsoleExpectation = z.infer<typeof ConsoleExpectationSchema>;

/** One outbound HTTP request: method (any case) and URL, optionally a subset of its JSON body. */
export const RequestExpectationSchema = z.strictObject({
  method: z.string().check(z.minLength(1)),
  url: TextMatchSchema,
  /** A JSON subset of the body; a body that is not JSON is compared as text. */
  body: z.optional(JsonValueSchema),
});
export type RequestExpectation = z.infer<typeof RequestExpectationSchema>;

export const ExpectationsSchema = z.strictObject({
  outcome: z.optional(OutcomeExpectationSchema),
  /** The value the hook called back with. */
  response: z.optional(JsonMatchSchema),
  /** The user Auth0 would create (pre-user registration). */
  mergedUser: z.optional(JsonMatchSchema),
  /** The access-token claims (credentials exchange). */
  claims: z.optional(
    z.strictObject({
      kept: z.optional(JsonMatchSchema),
      /** The names of the dropped claims, in any order, and no others. */
      dropped: z.optional(z.array(z.string())),
    }),
  ),
  /** The denial's message to the user (friendlyMessage); null = none is shown. */
  messageToUser: z.optional(z.nullable(z.string())),
  /** Each must match some console line, in any order. */
  console: z.optional(z.array(ConsoleExpectationSchema)),
  /** Must appear among the run's HTTP requests in this order; others may come in between. */
  requests: z.optional(z.array(RequestExpectationSchema)),
  /** The webtask storage's data after the run. */
  storage: z.optional(JsonMatchSchema),
});
export type Expectations = z.infer<typeof ExpectationsSchema>;
