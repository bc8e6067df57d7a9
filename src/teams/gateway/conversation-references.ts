import type { ConversationReference } from '@microsoft/agents-activity';
import type Keyv from 'keyv';
import { LruCache } from '../../core/triage/lru-cache.js';

/** References kept in memory too, so a busy thread is not re-read for every send. */
const CAPACITY = 5000;

/**
 * Each Teams conversation's reference (service URL, conversation and thread root), stored at first
 * contact and whenever it changes: every send to Teams is a proactive turn on it, from any process.
 */
export class ConversationReferences {
  private readonly cache = new LruCache<string>(CAPACITY);

  constructor(private readonly keyv: Keyv) {}

  async remember(conversationKey: string, reference: ConversationReference): Promise<void> {
    const json = JSON.stringify(reference);
    if (this.cache.get(conversationKey) === json) return;
    await this.keyv.set(`teams-ref:${conversationKey}`, json);
    this.cache.set(conversationKey, json);
  }

  /** A channel or group chat itself, learned from any activity there: where the introduction is posted. */
  rememberPlace(channel: string, reference: ConversationReference): Promise<void> {
    return this.remember(`place:${channel}`, reference);
  }

  place(channel: string): Promise<ConversationReference> {
    return this.get(`place:${channel}`);
  }

  async get(conversationKey: string): Promise<ConversationReference> {
    const json = this.cache.get(conversationKey) ?? (await this.keyv.get<string>(`teams-ref:${conversationKey}`));
    if (!json) throw new Error(`no Teams conversation reference stored for ${conversationKey}`);
    this.cache.set(conversationKey, json);
    return JSON.parse(json) as ConversationReference;
  }
}
