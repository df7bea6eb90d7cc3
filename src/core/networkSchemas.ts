import { z } from './schemaKit';
import { CodeLocationSchema, JsonValueSchema } from './primitiveSchemas';
import {
  MAX_AUTO_MOCK_RESULTS,
  MAX_FIELD_CHARS,
  MAX_MOCK_CHUNKS,
  overLimitText,
} from './inputLimits';

/**
 * One HTTP mock: the first mock whose method and URL pattern match answers a request.
 * `urlPattern` is an exact URL, a prefix ending in `*`, or a regular expression in `/…/`.
 */
export const HttpMockSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** An HTTP method, or 'ANY'. */
  method: z.string().check(z.minLength(1)),
  urlPattern: z.string(),
  status: z.number().check(z.int(), z.gte(100), z.lte(599)),
  headers: z.record(z.string(), z.string()),
  /** Sent as typed: JSON text gets `content-type: application/json` unless headers say otherwise. */
  body: z.string(),
  delayMs: z.number().check(z.int(), z.gte(0), z.lte(60_000)),
  /** Answer with a network error (connection reset) instead of a response. */
  networkError: z.optional(z.boolean()),
  /** Deliver an http/https body in this many 'data' chunks (absent: Node's 16 KiB chunks). */
  chunks: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_MOCK_CHUNKS))),
});
export type HttpMock = z.infer<typeof HttpMockSchema>;

/** A module the user implements: the code assigns `module.exports`. */
export const ModuleMockSchema = z.object({
  name: z.string().check(z.minLength(1)),
  code: z.string(),
});
export type ModuleMock = z.infer<typeof ModuleMockSchema>;

/**
 * What an auto-mocked call resolves to (docs/runtime-semantics.md §12): `path` is the call
 * path as the SDK calls list shows it (`stripe.customers.create`; `*` as the module root
 * matches any module), `resultText` its JSON result as typed.
 */
export const AutoMockResultDraftSchema = z.object({
  path: z.string().check(z.maxLength(MAX_FIELD_CHARS)),
  resultText: z.string().check(z.maxLength(MAX_FIELD_CHARS)),
});
export type AutoMockResult = z.infer<typeof AutoMockResultDraftSchema>;

/** The auto-mock results of a hook, as stored and shared: any text, at most the limit. */
export const AutoMockResultsDraftSchema = z
  .array(AutoMockResultDraftSchema)
  .check(
    z.maxLength(MAX_AUTO_MOCK_RESULTS, overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS)),
  );

const isJsonText = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The auto-mock results a run uses: named, and each result valid JSON. */
const AutoMockResultsSchema = z
  .array(
    z.object({
      path: z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_CHARS)),
      resultText: z
        .string()
        .check(z.maxLength(MAX_FIELD_CHARS), z.refine(isJsonText, 'not valid JSON')),
    }),
  )
  .check(
    z.maxLength(MAX_AUTO_MOCK_RESULTS, overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS)),
  );

/** Everything about a run's network boundary and module substitutes. */
export const NetworkSettingsSchema = z.object({
  mocks: z.array(HttpMockSchema),
  /** Unmatched requests go out for real (the sandbox CSP then allows http/https). */
  allowNetwork: z.boolean(),
  moduleMocks: z.array(ModuleMockSchema),
  /** Module names answered by a recording proxy. */
  autoMocks: z.array(z.string()),
  /** Results of auto-mocked calls by call path; absent = every call resolves to `{}`. */
  autoMockResults: z.optional(AutoMockResultsSchema),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

/** One entry of the "Outbound requests" trace: an HTTP request or an auto-mocked SDK call. */
export const OutboundEntrySchema = z.object({
  seq: z.number().check(z.int(), z.gte(0)),
  kind: z.enum(['http', 'sdk']),
  timeMs: z.number().check(z.gte(0)),
  afterCallback: z.optional(z.boolean()),
  location: z.optional(CodeLocationSchema),
  /** The client that made it: 'fetch', 'node-fetch', 'axios', 'request', 'https', 'http', 'got', 'slack-notify', or the SDK module name. */
  client: z.string(),
  method: z.optional(z.string()),
  url: z.optional(z.string()),
  requestHeaders: z.optional(z.record(z.string(), z.string())),
  requestBody: z.optional(z.string()),
  /** mock = a mock answered; blocked = no mock matched and the network is off; network = sent for real; sdk = recorded SDK call. */
  answeredBy: z.enum(['mock', 'blocked', 'network', 'sdk']),
  mockId: z.optional(z.string()),
  status: z.optional(z.number().check(z.int())),
  responseHeaders: z.optional(z.record(z.string(), z.string())),
  responseBody: z.optional(z.string()),
  error: z.optional(z.string()),
  durationMs: z.optional(z.number().check(z.gte(0))),
  /** For SDK calls: the call chain, e.g. `twilio(…).messages.create({to, body})`. */
  call: z.optional(z.string()),
  args: z.optional(z.array(JsonValueSchema)),
  /** For SDK calls: the call path a result rule matches, e.g. `stripe.customers.create`. */
  callPath: z.optional(z.string()),
  /** For SDK calls answered by an auto-mock result: that rule's path (e.g. `*.customers.create`). */
  resultRule: z.optional(z.string()),
});
export type OutboundEntry = z.infer<typeof OutboundEntrySchema>;
