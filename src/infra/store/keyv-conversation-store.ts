import type Keyv from 'keyv';
import type { Conversation } from '../../core/conversation/conversation.js';
import type { ConversationStore } from '../../core/ports/stores.js';
import { storeKeys } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

export class KeyvConversationStore implements ConversationStore {
  constructor(private readonly keyv: Keyv) {}

  async get(key: string): Promise<Conversation | undefined> {
    return (await this.keyv.get<Conversation>(storeKeys.conversation(key))) ?? undefined;
  }

  /** Writes the conversation, and `alongside` (already serialized values) in the same store operation. */
  async put(conversation: Conversation, alongside: { key: string; value: string }[] = []): Promise<void> {
    const entries = [{ key: storeKeys.conversation(conversation.key), value: conversation as unknown }, ...alongside];
    // Keyv's Redis adapter answers a setMany with nothing, and throws on failure.
    const written: boolean[] | undefined = entries.length === 1 ? [await this.keyv.set(entries[0]!.key, conversation)] : await this.keyv.setMany(entries);
    if (written?.includes(false)) throw new BatonError('BATON_STORE_WRITE', `could not store conversation ${conversation.key}`);
  }
}
