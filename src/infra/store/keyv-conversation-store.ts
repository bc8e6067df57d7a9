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

  async put(conversation: Conversation): Promise<void> {
    if (!(await this.keyv.set(storeKeys.conversation(conversation.key), conversation))) throw new BatonError('BATON_STORE_WRITE', `could not store conversation ${conversation.key}`);
  }
}
