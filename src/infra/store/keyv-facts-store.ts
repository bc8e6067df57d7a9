import type Keyv from 'keyv';
import type { Conversation } from '../../core/conversation/conversation.js';
import type { Escalation } from '../../core/escalation/escalation.js';
import { conversationFacts, escalationFacts, type ConversationFacts, type EscalationFacts } from '../../core/metrics/facts.js';
import type { FactsStore } from '../../core/ports/facts-store.js';
import type { Locks } from '../../core/ports/locks.js';
import type { ConversationStore, EscalationStore } from '../../core/ports/stores.js';
import { decodeConversation, decodeEscalation, encodeConversation, encodeEscalation, type ConversationTuple, type EscalationTuple } from './facts-codec.js';
import { KeyvDayBuckets } from './keyv-day-buckets.js';
import { storeKeys } from './store-keys.js';

/** The compact facts behind reports and timers, kept in day buckets (created / opened day). */
export class KeyvFactsStore implements FactsStore {
  readonly conversations: KeyvDayBuckets<ConversationTuple>;
  readonly escalations: KeyvDayBuckets<EscalationTuple>;

  constructor(keyv: Keyv, locks: Locks) {
    this.conversations = new KeyvDayBuckets(keyv, locks, storeKeys.conversationFactsDay);
    this.escalations = new KeyvDayBuckets(keyv, locks, storeKeys.escalationFactsDay);
  }

  async putConversation(f: ConversationFacts): Promise<void> {
    await this.conversations.put(f.createdAt, f.key, encodeConversation(f));
  }

  async putEscalation(f: EscalationFacts): Promise<void> {
    await this.escalations.put(f.openedAt, f.id, encodeEscalation(f));
  }

  async conversationsCreated(since: number, until: number): Promise<ConversationFacts[]> {
    return (await this.conversations.list(since, until)).filter((c) => c[2] >= since && c[2] < until).map(decodeConversation);
  }

  async escalationsOpened(since: number, until: number): Promise<EscalationFacts[]> {
    return (await this.escalations.list(since, until)).filter((e) => e[7] >= since && e[7] < until).map(decodeEscalation);
  }
}

/** Every conversation write also refreshes its facts, so no use case has to remember to. */
export class FactsRecordingConversationStore implements ConversationStore {
  constructor(
    private readonly inner: ConversationStore,
    private readonly facts: KeyvFactsStore,
  ) {}

  get(key: string): Promise<Conversation | undefined> {
    return this.inner.get(key);
  }

  async put(conversation: Conversation): Promise<void> {
    await this.inner.put(conversation);
    await this.facts.putConversation(conversationFacts(conversation));
  }
}

/** Every escalation write also refreshes its facts. */
export class FactsRecordingEscalationStore implements EscalationStore {
  constructor(
    private readonly inner: EscalationStore,
    private readonly facts: KeyvFactsStore,
  ) {}

  get(id: string): Promise<Escalation | undefined> {
    return this.inner.get(id);
  }

  async create(escalation: Escalation): Promise<void> {
    await this.inner.create(escalation);
    await this.facts.putEscalation(escalationFacts(escalation));
  }

  async update<R>(id: string, change: (current: Escalation) => { next?: Escalation; result: R }): Promise<R | undefined> {
    let written: Escalation | undefined;
    const result = await this.inner.update(id, (current) => {
      const out = change(current);
      written = out.next;
      return out;
    });
    if (written) await this.facts.putEscalation(escalationFacts(written));
    return result;
  }

  listSince(since: number): Promise<Escalation[]> {
    return this.inner.listSince(since);
  }
}
