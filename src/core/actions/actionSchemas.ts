import { z } from '../schemaKit';
import { CodeLocationSchema, JsonValueSchema } from '../primitiveSchemas';

// The Action side of a hook (docs/runtime-semantics.md §18): what runs, what it records,
// and what the port leaves for a person to finish. Schemas only, so every layer can use them.

/** What a run executes: the hook's code, or its Action draft. Absent on a request = hook. */
export const RunKindSchema = z.enum(['hook', 'action']);
export type RunKind = z.infer<typeof RunKindSchema>;

/**
 * One call an Action made on its `api` object, in call order: `method` is the full path as
 * written, e.g. "api.user.setUserMetadata"; `args` the arguments, serialised; `location` where
 * in the Action's code it was called.
 */
export const ApiCallSchema = z.object({
  seq: z.number().check(z.int(), z.gte(0)),
  method: z.string(),
  args: z.array(JsonValueSchema),
  timeMs: z.number().check(z.gte(0)),
  location: z.optional(CodeLocationSchema),
});
export type ApiCall = z.infer<typeof ApiCallSchema>;

/**
 * A construct the port could not translate: kept in the Action, marked `// TODO(port):` on
 * `line` of the Action's code, and explained in the "Port notes" region.
 */
export const PortNoteSchema = z.object({
  /** 1-based line of the TODO(port) comment in the Action's code. */
  line: z.number().check(z.int(), z.gte(1)),
  /** 1-based line of the construct in the hook's code. */
  hookLine: z.number().check(z.int(), z.gte(1)),
  /** A short name of the construct, e.g. "context.webtask.storage". */
  construct: z.string(),
  /** Why it was not translated and what to do, in a sentence or two. */
  message: z.string(),
});
export type PortNote = z.infer<typeof PortNoteSchema>;

/** What "Port to Action" makes of a hook: pure output of the port. */
export const PortResultSchema = z.object({
  code: z.string(),
  /** The Action's dependencies, name → version (versions from `require('x@1.2.3')` or the hook's map). */
  dependencies: z.record(z.string(), z.string()),
  notes: z.array(PortNoteSchema),
});
export type PortResult = z.infer<typeof PortResultSchema>;

/** A hook's Action draft, stored in the hook's draft and so frozen by every saved version. */
export const ActionDraftSchema = z.object({
  code: z.string(),
  dependencies: z.record(z.string(), z.string()),
  /** The notes of the port that made this draft; they stay until the next port. */
  notes: z.array(PortNoteSchema),
});
export type ActionDraft = z.infer<typeof ActionDraftSchema>;
