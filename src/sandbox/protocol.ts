import { z } from 'zod';
import {
  EngineOutcomeSchema,
  LogEntrySchema,
  RunRequestSchema,
  SerializedErrorSchema,
  StorageStateSchema,
  type JsonValue,
} from '../core/schemas';
import { OutboundEntrySchema } from '../core/networkSchemas';
import { isJsonTree } from './isJsonTree';

/**
 * The messages that cross the sandbox boundary: host ⇄ iframe (frame.ts) ⇄ worker
 * (hook.worker.ts). Every hop parses what it receives with these schemas and drops what
 * fails; the sandbox side is untrusted. A runId correlates everything with one run, so
 * messages from a run that has already ended can be recognised and dropped.
 */

export const RunIdSchema = z.number().int().min(0);
export type RunId = z.infer<typeof RunIdSchema>;

// `instanceof` is evaluated in the realm that receives the message, where the structured
// clone creates the port, so it holds in the iframe and the worker alike.
const PortSchema = z.instanceof(MessagePort);

// ── JSON on the wire ───────────────────────────────────────────────────────────────────────

/**
 * The core schemas with their JSON values (payload, response, console arguments, error
 * properties, stored data) checked in one flat pass by isJsonTree instead of the recursive
 * JsonValueSchema: these travel in every run's messages, and the check runs at each hop.
 * Everything else is the core schemas' own check.
 */
const JsonTreeSchema = z.custom<JsonValue>(isJsonTree, {
  error: 'Expected a JSON value (a tree of plain objects, arrays and primitives)',
});

export const RunRequestWireSchema = RunRequestSchema.extend({ payload: JsonTreeSchema });
const LogEntryWireSchema = LogEntrySchema.extend({ args: z.array(JsonTreeSchema) });
/** An "Outbound requests" entry; its SDK call arguments are the only JSON values. */
export const OutboundEntryWireSchema = OutboundEntrySchema.extend({
  args: z.array(JsonTreeSchema).optional(),
});
const StorageStateWireSchema = StorageStateSchema.extend({ data: JsonTreeSchema.optional() });
const [SucceededSchema, FailedSchema] = EngineOutcomeSchema.options;
const EngineOutcomeWireSchema = z.discriminatedUnion('status', [
  SucceededSchema.extend({ response: JsonTreeSchema.optional() }),
  FailedSchema.extend({
    error: SerializedErrorSchema.extend({
      props: z.record(z.string(), JsonTreeSchema).optional(),
    }),
  }),
]);

// ── Messages, one schema each ──────────────────────────────────────────────────────────────

const InitMessage = z.object({ type: z.literal('init'), port: PortSchema });
const RunMessage = z.object({
  type: z.literal('run'),
  runId: RunIdSchema,
  request: RunRequestWireSchema,
});
const KillMessage = z.object({ type: z.literal('kill'), runId: RunIdSchema });
const PingMessage = z.object({ type: z.literal('ping'), seq: z.number().int().min(0) });

const ReadyMessage = z.object({ type: z.literal('ready') });
const PongMessage = z.object({ type: z.literal('pong'), seq: z.number().int().min(0) });
const LogMessage = z.object({
  type: z.literal('log'),
  runId: RunIdSchema,
  entries: z.array(LogEntryWireSchema),
});
/**
 * "Outbound requests" entries in batches, like logs. `dropped` counts entries the worker
 * did not forward (over its limits) since the previous batch.
 */
const RequestMessage = z.object({
  type: z.literal('request'),
  runId: RunIdSchema,
  entries: z.array(OutboundEntryWireSchema),
  dropped: z.number().int().min(0).optional(),
});
const SettledMessage = z.object({
  type: z.literal('settled'),
  runId: RunIdSchema,
  outcome: EngineOutcomeWireSchema,
});
/** The hook's webtask storage after a successful `storage.set`. */
const StorageMessage = z.object({
  type: z.literal('storage'),
  runId: RunIdSchema,
  state: StorageStateWireSchema,
});
const FinishedMessage = z.object({ type: z.literal('finished'), runId: RunIdSchema });
const FaultMessage = z.object({
  type: z.literal('fault'),
  /** Absent when the fault belongs to no run (e.g. the standby worker failed to start). */
  runId: RunIdSchema.optional(),
  message: z.string(),
});

// ── Host → frame ───────────────────────────────────────────────────────────────────────────

/**
 * The one message the host sends through `window.postMessage` (an opaque origin cannot be
 * targeted, so it goes to '*'); it hands over the private port all later traffic uses.
 */
export const FrameInitSchema = InitMessage;
export type FrameInit = z.infer<typeof FrameInitSchema>;

/** Host → frame over the private port. */
export const HostToFrameSchema = z.discriminatedUnion('type', [
  RunMessage,
  KillMessage,
  PingMessage,
]);
export type HostToFrame = z.infer<typeof HostToFrameSchema>;

/** Frame → host over the private port. */
export const FrameToHostSchema = z.discriminatedUnion('type', [
  ReadyMessage,
  PongMessage,
  LogMessage,
  RequestMessage,
  StorageMessage,
  SettledMessage,
  FinishedMessage,
  FaultMessage,
]);
export type FrameToHost = z.infer<typeof FrameToHostSchema>;

// ── Frame ⇄ worker ─────────────────────────────────────────────────────────────────────────

/**
 * Frame → worker: the single run a worker ever gets. It carries a private port for the
 * replies, so the hook (which shares the worker's global scope) cannot post on the reply
 * channel by calling the global postMessage.
 */
export const FrameToWorkerSchema = RunMessage.extend({ port: PortSchema });
export type FrameToWorker = z.infer<typeof FrameToWorkerSchema>;

/** Worker → frame over the private port. */
export const WorkerToFrameSchema = z.discriminatedUnion('type', [
  LogMessage,
  RequestMessage,
  StorageMessage,
  SettledMessage,
  FinishedMessage,
  FaultMessage,
]);
export type WorkerToFrame = z.infer<typeof WorkerToFrameSchema>;

/**
 * Whether a parsed message may still be acted on while `currentRunId` is the run in flight
 * (null: none). Messages without a runId are not about a run and always pass.
 */
export function isCurrent(message: { runId?: RunId }, currentRunId: RunId | null): boolean {
  return message.runId === undefined || message.runId === currentRunId;
}
