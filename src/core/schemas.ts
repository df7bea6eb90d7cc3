import { z } from './schemaKit';
import { NetworkSettingsSchema } from './networkSchemas';
import { ApiCallSchema, RunKindSchema } from './actions/actionSchemas';

/** Trigger ids of the five extensibility points (docs/runtime-semantics.md §1). */
export const PointIdSchema = z.enum([
  'credentials-exchange',
  'pre-user-registration',
  'post-user-registration',
  'post-change-password',
  'send-phone-message',
]);
export type PointId = z.infer<typeof PointIdSchema>;

/** The platform's time limit; also the default per-run timeout. */
export const DEFAULT_TIMEOUT_MS = 20_000;
export const MIN_TIMEOUT_MS = 50;
export const MAX_TIMEOUT_MS = 600_000;
export const TimeoutMsSchema = z
  .number()
  .check(z.int(), z.gte(MIN_TIMEOUT_MS), z.lte(MAX_TIMEOUT_MS));

export { JsonValueSchema, CodeLocationSchema } from './primitiveSchemas';
export type { JsonValue, CodeLocation } from './primitiveSchemas';
import { JsonValueSchema, CodeLocationSchema } from './primitiveSchemas';
import { PackageTreeSchema } from './commonjs/packageTree';

export const LogLevelSchema = z.enum(['log', 'info', 'warn', 'error', 'debug']);
export type LogLevel = z.infer<typeof LogLevelSchema>;

/**
 * One console call of the hook, or one warning from the runtime itself (source "runtime",
 * e.g. a second call of cb). `text` is formatted the way Node prints it (util.format
 * semantics), already truncated; `args` keep the structured values for expandable views.
 */
export const LogEntrySchema = z.object({
  seq: z.number().check(z.int(), z.gte(0)),
  level: LogLevelSchema,
  source: z.enum(['hook', 'runtime']),
  timeMs: z.number().check(z.gte(0)),
  text: z.string(),
  args: z.array(JsonValueSchema),
  location: z.optional(CodeLocationSchema),
  afterCallback: z.optional(z.boolean()),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/**
 * An error as it crosses the sandbox boundary. `props` holds every own enumerable
 * property that is not one of the named fields (e.g. `friendlyMessage`, `code`).
 */
export const SerializedErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  stack: z.optional(z.string()),
  location: z.optional(CodeLocationSchema),
  friendlyMessage: z.optional(z.string()),
  props: z.optional(z.record(z.string(), JsonValueSchema)),
  /**
   * The error's own property names in order (Object.getOwnPropertyNames): the fields the
   * platform's error envelope carried — e.g. `name` only for ExtensibilityUserError classes.
   */
  ownKeys: z.optional(z.array(z.string())),
  /** The hook passed or threw a non-Error value, which the platform wrapped in an Error. */
  wrapped: z.optional(z.boolean()),
});
export type SerializedError = z.infer<typeof SerializedErrorSchema>;

/**
 * The hook's webtask storage (`context.webtask.storage`), kept per hook across runs and
 * reloads by the app. `data` absent = nothing stored yet.
 */
export const StorageStateSchema = z.object({
  data: z.optional(JsonValueSchema),
  etag: z.optional(z.string()),
});
export type StorageState = z.infer<typeof StorageStateSchema>;

const moduleRequestFields = {
  name: z.string(),
  /** The version the require pinned, if any. */
  version: z.optional(z.string()),
};

/** One `require` the hook made: `require('name@1.2.3')` records name and version. */
export const ModuleRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    ...moduleRequestFields,
    /**
     * 'builtin' = a Node core module Hookpad provides; 'missing' = not available;
     * 'client' = one of Hookpad's network clients (http, https, axios, request, got,
     * node-fetch, slack-notify); 'mock' = the user's module mock; 'auto-mock' = a recording proxy.
     */
    kind: z.enum(['builtin', 'missing', 'mock', 'auto-mock', 'client']),
  }),
  z.object({
    ...moduleRequestFields,
    /** A stored npm package's real code ran. */
    kind: z.literal('package'),
    /** The installed version that ran (an unpinned require still ran one). */
    installed: z.string(),
  }),
]);
export type ModuleRequest = z.infer<typeof ModuleRequestSchema>;

/** What the engine is asked to run. The payload is the parsed JSON body. */
export const RunRequestSchema = z.object({
  point: PointIdSchema,
  code: z.string(),
  payload: JsonValueSchema,
  secrets: z.record(z.string(), z.string()),
  /**
   * How long the sandbox stays alive after cb for logs marked "after callback"
   * (docs/runtime-semantics.md §7).
   */
  graceMs: z.number().check(z.int(), z.gte(0), z.lte(10_000)),
  /** The stored state before this run; absent = empty storage. */
  storage: z.optional(StorageStateSchema),
  /** HTTP mocks, network switch and module substitutes; absent = none, network off. */
  network: z.optional(NetworkSettingsSchema),
  /** Run the code as a hook (absent) or as an Action (docs/runtime-semantics.md §18). */
  kind: z.optional(RunKindSchema),
  /**
   * The stored npm packages the code may require, laid out as node_modules; they run for real
   * after module mocks and auto-mocks (docs/runtime-semantics.md §10.1). Absent = none.
   */
  packages: z.optional(PackageTreeSchema),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;

/**
 * Why a run failed, from the engine's point of view:
 * - invalid-body: the platform's body validation refused the payload;
 * - compile: the code does not parse (syntax error, redeclared prelude class);
 * - not-a-function: module.exports is not callable;
 * - callback-error: the hook called cb(err);
 * - thrown: a synchronous throw while calling the hook;
 * - async-throw: an exception escaped from a timer or callback;
 * - rejected: the promise returned by an async export rejected;
 * - unserializable: the response cannot be JSON-serialised.
 */
export const FailureKindSchema = z.enum([
  'invalid-body',
  'compile',
  'not-a-function',
  'callback-error',
  'thrown',
  'async-throw',
  'rejected',
  'unserializable',
]);
export type FailureKind = z.infer<typeof FailureKindSchema>;

/** How the engine settled a run. The host adds timed-out, cancelled and crashed. */
export const EngineOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('succeeded'),
    /** The first value after the error argument, JSON round-tripped; absent = undefined. */
    response: z.optional(JsonValueSchema),
    /**
     * Set when the response's JSON was too large to send whole (docs/runtime-semantics.md §13):
     * `response` is then the JSON text's first characters, `chars` the whole text's length and
     * `view` the platform's view computed on the real value, when it fits.
     */
    responseCap: z.optional(
      z.object({ chars: z.number().check(z.int(), z.gte(0)), view: z.optional(JsonValueSchema) }),
    ),
    durationMs: z.number().check(z.gte(0)),
    /** The modules the hook required before the run settled, in order. */
    requires: z.optional(z.array(ModuleRequestSchema)),
    /** An Action's `api` calls in order (docs/runtime-semantics.md §18); absent for a hook. */
    apiCalls: z.optional(z.array(ApiCallSchema)),
  }),
  z.object({
    status: z.literal('failed'),
    kind: FailureKindSchema,
    error: SerializedErrorSchema,
    durationMs: z.number().check(z.gte(0)),
    requires: z.optional(z.array(ModuleRequestSchema)),
    apiCalls: z.optional(z.array(ApiCallSchema)),
  }),
]);
export type EngineOutcome = z.infer<typeof EngineOutcomeSchema>;

export const RunOutcomeSchema = z.discriminatedUnion('status', [
  ...EngineOutcomeSchema.def.options,
  z.object({
    status: z.literal('timed-out'),
    durationMs: z.number().check(z.gte(0)),
    /** e.g. "the callback was never called" */
    hint: z.optional(z.string()),
  }),
  z.object({ status: z.literal('cancelled'), durationMs: z.number().check(z.gte(0)) }),
  z.object({
    status: z.literal('crashed'),
    durationMs: z.number().check(z.gte(0)),
    message: z.string(),
  }),
]);
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;
