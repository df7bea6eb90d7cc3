import { z } from 'zod';
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
  id: z.string().min(1),
  /** An HTTP method, or 'ANY'. */
  method: z.string().min(1),
  urlPattern: z.string(),
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  /** Sent as typed: JSON text gets `content-type: application/json` unless headers say otherwise. */
  body: z.string(),
  delayMs: z.number().int().min(0).max(60_000),
  /** Answer with a network error (connection reset) instead of a response. */
  networkError: z.boolean().optional(),
  /** Deliver an http/https body in this many 'data' chunks (absent: Node's 16 KiB chunks). */
  chunks: z.number().int().min(1).max(MAX_MOCK_CHUNKS).optional(),
});
export type HttpMock = z.infer<typeof HttpMockSchema>;

/** A module the user implements: the code assigns `module.exports`. */
export const ModuleMockSchema = z.object({
  name: z.string().min(1),
  code: z.string(),
});
export type ModuleMock = z.infer<typeof ModuleMockSchema>;

/**
 * What an auto-mocked call resolves to (docs/runtime-semantics.md §12): `path` is the call
 * path as the SDK calls list shows it (`stripe.customers.create`; `*` as the module root
 * matches any module), `resultText` its JSON result as typed.
 */
export const AutoMockResultDraftSchema = z.object({
  path: z.string().max(MAX_FIELD_CHARS),
  resultText: z.string().max(MAX_FIELD_CHARS),
});
export type AutoMockResult = z.infer<typeof AutoMockResultDraftSchema>;

/** The auto-mock results of a hook, as stored and shared: any text, at most the limit. */
export const AutoMockResultsDraftSchema = z
  .array(AutoMockResultDraftSchema)
  .max(MAX_AUTO_MOCK_RESULTS, overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS));

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
      path: z.string().min(1).max(MAX_FIELD_CHARS),
      resultText: z.string().max(MAX_FIELD_CHARS).refine(isJsonText, 'not valid JSON'),
    }),
  )
  .max(MAX_AUTO_MOCK_RESULTS, overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS));

/** Everything about a run's network boundary and module substitutes. */
export const NetworkSettingsSchema = z.object({
  mocks: z.array(HttpMockSchema),
  /** Unmatched requests go out for real (the sandbox CSP then allows http/https). */
  allowNetwork: z.boolean(),
  moduleMocks: z.array(ModuleMockSchema),
  /** Module names answered by a recording proxy. */
  autoMocks: z.array(z.string()),
  /** Results of auto-mocked calls by call path; absent = every call resolves to `{}`. */
  autoMockResults: AutoMockResultsSchema.optional(),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

/** One entry of the "Outbound requests" trace: an HTTP request or an auto-mocked SDK call. */
export const OutboundEntrySchema = z.object({
  seq: z.number().int().min(0),
  kind: z.enum(['http', 'sdk']),
  timeMs: z.number().min(0),
  afterCallback: z.boolean().optional(),
  location: CodeLocationSchema.optional(),
  /** The client that made it: 'fetch', 'node-fetch', 'axios', 'request', 'https', 'http', 'got', 'slack-notify', or the SDK module name. */
  client: z.string(),
  method: z.string().optional(),
  url: z.string().optional(),
  requestHeaders: z.record(z.string(), z.string()).optional(),
  requestBody: z.string().optional(),
  /** mock = a mock answered; blocked = no mock matched and the network is off; network = sent for real; sdk = recorded SDK call. */
  answeredBy: z.enum(['mock', 'blocked', 'network', 'sdk']),
  mockId: z.string().optional(),
  status: z.number().int().optional(),
  responseHeaders: z.record(z.string(), z.string()).optional(),
  responseBody: z.string().optional(),
  error: z.string().optional(),
  durationMs: z.number().min(0).optional(),
  /** For SDK calls: the call chain, e.g. `twilio(…).messages.create({to, body})`. */
  call: z.string().optional(),
  args: z.array(JsonValueSchema).optional(),
  /** For SDK calls: the call path a result rule matches, e.g. `stripe.customers.create`. */
  callPath: z.string().optional(),
  /** For SDK calls answered by an auto-mock result: that rule's path (e.g. `*.customers.create`). */
  resultRule: z.string().optional(),
});
export type OutboundEntry = z.infer<typeof OutboundEntrySchema>;
