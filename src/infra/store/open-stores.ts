import type { Locks } from '../../core/ports/locks.js';
import type { ConversationStore, EscalationStore, OnceStore } from '../../core/ports/stores.js';
import { ProcessLocks } from '../locks/process-locks.js';
import { RedisLocks } from '../locks/redis-locks.js';
import { KeyvConversationStore } from './keyv-conversation-store.js';
import { openKeyvBackend, type KeyvBackend } from './keyv-backend.js';
import { KeyvEscalationStore } from './keyv-escalation-store.js';
import { KeyvOnceStore, RedisOnceStore } from './once-store.js';

export interface Stores {
  backend: KeyvBackend;
  conversations: ConversationStore;
  escalations: KeyvEscalationStore & EscalationStore;
  once: OnceStore;
  locks: Locks;
  close(): Promise<void>;
}

export async function openStores(uri: string): Promise<Stores> {
  const backend = await openKeyvBackend(uri);
  const locks: Locks = backend.redis ? new RedisLocks(backend.redis) : new ProcessLocks();
  return {
    backend,
    conversations: new KeyvConversationStore(backend.keyv),
    escalations: new KeyvEscalationStore(backend.keyv, locks),
    once: backend.redis ? new RedisOnceStore(backend.redis) : new KeyvOnceStore(backend.keyv, locks),
    locks,
    close: () => backend.close(),
  };
}
