import { z } from '../core/schemaKit';

/**
 * The messages between the app and the registry download frame (registryFrameScript.ts),
 * on the private port the app hands the frame. The frame is untrusted like every sandbox:
 * the app parses each of its answers with these schemas before using it.
 */

/** The app numbers its download requests; an answer names the request it belongs to. */
export const RegistryRequestIdSchema = z.number().check(z.int(), z.gte(1));

const FetchRequestSchema = z.strictObject({
  type: z.literal('fetch'),
  id: RegistryRequestIdSchema,
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The frame reads at most one byte more, so the app can tell "too large" from "fits". */
  maxBytes: z.number().check(z.int(), z.gte(0)),
});

/** The app gave up on a download (timeout): the frame stops it and answers nothing. */
const AbortRequestSchema = z.strictObject({
  type: z.literal('abort'),
  id: RegistryRequestIdSchema,
});

export const RegistryFrameRequestSchema = z.discriminatedUnion('type', [
  FetchRequestSchema,
  AbortRequestSchema,
]);
export type RegistryFrameRequest = z.infer<typeof RegistryFrameRequestSchema>;

/** A header value a Response accepts: tabs and printable ASCII. */
const HeaderValueSchema = z.string().check(z.maxLength(1000), z.regex(/^[\t\x20-\x7e]*$/));

const DownloadedSchema = z.strictObject({
  id: RegistryRequestIdSchema,
  ok: z.literal(true),
  /** Where the answer came from after redirects; the app checks it is still the registry. */
  url: z.string().check(z.maxLength(10_000)),
  // The statuses a Response can be built with.
  status: z.number().check(z.int(), z.gte(200), z.lte(599)),
  statusText: z.string().check(z.maxLength(1000), z.regex(/^[\t\x20-\x7e\x80-\xff]*$/)),
  /** Only what the registry client reads; other headers would be hidden by CORS anyway. */
  headers: z.strictObject({
    'content-type': z.optional(HeaderValueSchema),
    'content-length': z.optional(z.string().check(z.regex(/^\d{1,16}$/))),
  }),
  // instanceof holds in the app's realm, where the structured clone creates the buffer.
  body: z.instanceof(ArrayBuffer),
});

const FailedSchema = z.strictObject({
  id: RegistryRequestIdSchema,
  ok: z.literal(false),
  /** 'redirect': the registry redirected and following it failed (the CSP blocks other origins). */
  reason: z.enum(['network', 'redirect']),
  message: z.string().check(z.maxLength(2000)),
});

export const RegistryFrameAnswerSchema = z.discriminatedUnion('ok', [
  DownloadedSchema,
  FailedSchema,
]);
export type RegistryFrameAnswer = z.infer<typeof RegistryFrameAnswerSchema>;

/** Just the request id, to tell an unreadable answer to a pending request from noise. */
export const AnswerIdSchema = z.object({ id: RegistryRequestIdSchema });
