import { z } from '../core/schemaKit';
import { HookRecordSchema, type HookRecord } from '../workspace/hookRecord';

/**
 * What a tab tells the others after a write lands. Parsed on arrival: another build of
 * Hookpad may share the channel.
 */
export const WorkspaceMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hook'), db: z.string(), from: z.string(), record: HookRecordSchema }),
  z.object({
    kind: z.literal('delete'),
    db: z.string(),
    from: z.string(),
    id: z.string().check(z.minLength(1)),
  }),
]);
export type WorkspaceMessage = z.infer<typeof WorkspaceMessageSchema>;

/** A message as the writing tab hands it over; the channel adds the database and the sender. */
export type WorkspaceNews = { kind: 'hook'; record: HookRecord } | { kind: 'delete'; id: string };
