import type { KnownRecords } from './createKnownRecords';
import type { WriteQueue } from './createWriteQueue';
import type { PersistenceEvent } from './persistenceEvent';
import { sameHookContent } from './sameHookContent';
import { hookKey } from './storageKeys';
import {
  WorkspaceMessageSchema,
  type WorkspaceMessage,
  type WorkspaceNews,
} from './workspaceMessage';

/** The other tabs on the same database: told of this tab's landed writes, and telling it of theirs. */
export interface TabChannel {
  post(news: WorkspaceNews): void;
  close(): void;
}

export interface TabChannelOptions {
  channelName: string;
  dbName: string;
  tabId: string;
  known: KnownRecords;
  queue: Pick<WriteQueue, 'pending' | 'cancel' | 'enqueue'>;
  emit: (event: PersistenceEvent) => void;
  /** Once closing, news from other tabs is ignored. */
  closing: () => boolean;
}

export function createTabChannel(options: TabChannelOptions): TabChannel {
  const { dbName, tabId, known, queue, emit, closing } = options;
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(options.channelName) : null;

  function handleRemote(message: WorkspaceMessage): void {
    if (message.kind === 'hook') {
      const { record } = message;
      const base = known.get(record.id);
      if (base && record.rev <= base.rev) return;
      const op = queue.pending.get(record.id);
      queue.cancel(record.id);
      known.accept(record.id, record);
      if (op?.kind === 'write' && !sameHookContent(op.record, record)) {
        emit({ type: 'conflict', mine: op.record, theirs: record });
      } else {
        emit({ type: 'remote-hook', record });
      }
      return;
    }
    const { id } = message;
    if (!known.has(id) && !queue.pending.has(id)) return;
    const op = queue.pending.get(id);
    queue.cancel(id);
    known.accept(id, null);
    if (op?.kind === 'write') emit({ type: 'conflict', mine: op.record, theirs: null });
    else if (!op) emit({ type: 'remote-delete', id });
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const parsed = WorkspaceMessageSchema.safeParse(event.data);
      if (closing() || !parsed.success) return;
      const message = parsed.data;
      if (message.db !== dbName || message.from === tabId) return;
      const id = message.kind === 'hook' ? message.record.id : message.id;
      void queue.enqueue(hookKey(id), () => handleRemote(message));
    };
  }

  return {
    post(news) {
      try {
        channel?.postMessage({ ...news, db: dbName, from: tabId });
      } catch {
        // The channel is closed: other tabs see the write when they next load or write.
      }
    },
    close() {
      channel?.close();
    },
  };
}
