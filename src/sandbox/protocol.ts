import { z } from '../core/schemaKit';
import {
  EngineOutcomeSchema,
  LogEntrySchema,
  RunRequestSchema,
  type RunRequest,
  SerializedErrorSchema,
  StorageStateSchema,
  type JsonValue,
} from '../core/schemas';
import { OutboundEntrySchema } from '../core/networkSchemas';
import { isJsonTree } from './isJsonTree';

/**
 * The messages of the sandbox. The host (createRunner) talks to the iframe (frame.ts) only to
 * have workers created and killed and to check that it is alive; each worker (hook.worker.ts)
 * gets a MessageChannel whose other port the frame hands to the host, so a run's request and
 * everything it reports travel host ⇄ worker in one hop. The sandbox side is untrusted: the
 * host parses everything it receives from the frame and the workers with these schemas and
 * drops what fails. The host's own run request was validated before it was sent and is not
 * parsed again in the worker. A runId correlates a worker's messages with one run, so
 * messages from a run that has already ended can be recognised and dropped.
 */

export const RunIdSchema = z.number().check(z.int(), z.gte(0));
export type RunId = z.infer<typeof RunIdSchema>;

// `instanceof` is evaluated in the realm that receives the message, where the structured
// clone creates the port, so it holds in the iframe and the worker alike.
const PortSchema = z.instanceof(MessagePort);
const BlobSchema = z.instanceof(Blob);

// ── JSON on the wire ───────────────────────────────────────────────────────────────────────

/**
 * The core schemas with their JSON values (payload, response, console arguments, error
 * properties, stored data) checked in one flat pass by isJsonTree instead of the recursive
 * JsonValueSchema: these travel in every run's messages.
 * Everything else is the core schemas' own check.
 */
const JsonTreeSchema = z.custom<JsonValue>(isJsonTree, {
  error: 'Expected a JSON value (a tree of plain objects, arrays and primitives)',
});

export const RunRequestWireSchema = z.extend(RunRequestSchema, { payload: JsonTreeSchema });
const LogEntryWireSchema = z.extend(LogEntrySchema, { args: z.array(JsonTreeSchema) });
/** An "Outbound requests" entry; its SDK call arguments are the only JSON values. */
export const OutboundEntryWireSchema = z.extend(OutboundEntrySchema, {
  args: z.optional(z.array(JsonTreeSchema)),
});
const StorageStateWireSchema = z.extend(StorageStateSchema, { data: z.optional(JsonTreeSchema) });
const [SucceededSchema, FailedSchema] = EngineOutcomeSchema.def.options;
const EngineOutcomeWireSchema = z.discriminatedUnion('status', [
  z.extend(SucceededSchema, { response: z.optional(JsonTreeSchema) }),
  z.extend(FailedSchema, {
    error: z.extend(SerializedErrorSchema, {
      props: z.optional(z.record(z.string(), JsonTreeSchema)),
    }),
  }),
]);

// ── Messages, one schema each ──────────────────────────────────────────────────────────────

/**
 * The host's hand-over: the private port, the hook worker's script and its late modules'
 * (lateModules.ts). The scripts come as Blobs (handles, not copies) rather than inside the
 * frame's srcdoc, where the frame's HTML parser would have to scan all of them before the
 * frame could start.
 */
const InitMessage = z.object({
  type: z.literal('init'),
  port: PortSchema,
  workerScript: BlobSchema,
  lateModules: z.record(z.string(), BlobSchema),
});
/** Frames number their workers; the host names a worker by this id in spawn, release and kill. */
export const WorkerIdSchema = z.number().check(z.int(), z.gte(1));
export type WorkerId = z.infer<typeof WorkerIdSchema>;
const PingMessage = z.object({ type: z.literal('ping'), seq: z.number().check(z.int(), z.gte(0)) });
/** Start a standby worker now if there is none (a run waits for one). */
const SpawnMessage = z.object({ type: z.literal('spawn') });
/** The worker's run has settled: start the next standby soon. */
const ReleaseMessage = z.object({ type: z.literal('release'), workerId: WorkerIdSchema });
/** Terminate the worker (its run finished, timed out, was cancelled or replaced). */
const KillMessage = z.object({ type: z.literal('kill'), workerId: WorkerIdSchema });
/** Terminate the worker: its run has finished (or ended) by itself. */
const RetireMessage = z.object({ type: z.literal('retire'), workerId: WorkerIdSchema });

const PongMessage = z.object({ type: z.literal('pong'), seq: z.number().check(z.int(), z.gte(0)) });
/** A fresh worker, waiting for its run on `port` (the other end is the worker's). */
const StandbyMessage = z.object({
  type: z.literal('standby'),
  workerId: WorkerIdSchema,
  port: PortSchema,
});
/** The frame could not start a worker (no workerId), or a worker broke (its script failed). */
const FrameFaultMessage = z.object({
  type: z.literal('fault'),
  workerId: z.optional(WorkerIdSchema),
  message: z.string(),
});

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
  dropped: z.optional(z.number().check(z.int(), z.gte(0))),
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
const WorkerFaultMessage = z.object({
  type: z.literal('fault'),
  /** Absent when the worker could not read its run message. */
  runId: z.optional(RunIdSchema),
  message: z.string(),
});

// ── Host ⇄ frame ───────────────────────────────────────────────────────────────────────────

/**
 * The one message the host sends through `window.postMessage` (an opaque origin cannot be
 * targeted, so it goes to '*'); it hands over the private port all later traffic uses.
 */
export const FrameInitSchema = InitMessage;
export type FrameInit = z.infer<typeof FrameInitSchema>;

/** Host → frame over the private port: worker lifecycle and the heartbeat only. */
export const HostToFrameSchema = z.discriminatedUnion('type', [
  PingMessage,
  SpawnMessage,
  ReleaseMessage,
  KillMessage,
  RetireMessage,
]);
export type HostToFrame = z.infer<typeof HostToFrameSchema>;

/** Frame → host over the private port. */
export const FrameToHostSchema = z.discriminatedUnion('type', [
  PongMessage,
  StandbyMessage,
  FrameFaultMessage,
]);
export type FrameToHost = z.infer<typeof FrameToHostSchema>;

// ── Frame → worker, host ⇄ worker ──────────────────────────────────────────────────────────

/**
 * Frame → worker, once, through the worker's global postMessage: the worker's end of its
 * channel to the host, and the late modules' scripts (handles). The run and the replies use
 * that port, so the hook (which shares the worker's global scope) cannot post on the reply
 * channel by calling the global postMessage.
 */
export interface FrameToWorker {
  type: 'connect';
  port: MessagePort;
  lateModules: Readonly<Record<string, Blob>>;
}

/**
 * Host → worker: the single run a worker ever gets. Only the host holds the other end of
 * the worker's port, and it validated the request with RunRequestWireSchema before sending.
 */
export interface HostToWorker {
  type: 'run';
  runId: RunId;
  /** Without its package tree, which comes as `packages` (see packageBlobs.ts). */
  request: RunRequest;
  packages?: Blob;
}

/** Worker → host over the worker's port. */
export const WorkerToHostSchema = z.discriminatedUnion('type', [
  LogMessage,
  RequestMessage,
  StorageMessage,
  SettledMessage,
  FinishedMessage,
  WorkerFaultMessage,
]);
export type WorkerToHost = z.infer<typeof WorkerToHostSchema>;

/**
 * Whether a parsed message may still be acted on while `currentRunId` is the run in flight
 * (null: none). Messages without a runId are not about a run and always pass.
 */
export function isCurrent(message: { runId?: RunId }, currentRunId: RunId | null): boolean {
  return message.runId === undefined || message.runId === currentRunId;
}
