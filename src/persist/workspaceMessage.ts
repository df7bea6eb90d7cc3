import { z } from 'zod';
import { HookRecordSchema } from '../workspace/hookRecord';

/**
 * What a tab tells the others after a write lands. Parsed on arrival: another build of
 * Hookpad may share the channel.
 */
export const WorkspaceMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hook'), db: z.string(), from: z.string(), record: HookRecordSchema }),
  z.object({ kind: z.literal('delete'), db: z.string(), from: z.string(), id: z.string().min(1) }),
]);
export type WorkspaceMessage = z.infer<typeof WorkspaceMessageSchema>;
