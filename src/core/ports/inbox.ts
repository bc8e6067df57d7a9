import type { ConversationRef } from '../model/conversation-ref.js';

/**
 * Events Slack (or another platform) was told we received, recorded before the acknowledgement and
 * kept until their outcome is delivered: a crash or restart resumes every item still here.
 */
export interface InboxItem<P = unknown> {
  /** The platform's message identity (channel and ts): a redelivery or an app_mention twin has the same id. */
  id: string;
  /** Items of one lane (one conversation) are taken in the order they were received. */
  lane: string;
  receivedAt: number;
  payload: P;
  /**
   * Set before the first delivery attempt for the item's conversation: only then can a crash leave a
   * message Slack has but Baton does not know it has, which recovery must look for before re-posting.
   */
  delivering?: boolean;
  /**
   * On a message that starts a new thread: `by` names its channel and author, `ref` its conversation.
   * With grouping.new_messages, the same author's next new message within the window joins its group.
   */
  newThread?: { by: string; ref: ConversationRef };
  /** The conversation a new message joined (the first one's), recorded with the item before the ack. */
  joined?: ConversationRef;
}

export interface Inbox {
  /** Records the item durably; throws when the store cannot take it (the caller then refuses the event). */
  add(item: InboxItem): Promise<void>;
  /** The item's outcome is written and delivered: it leaves the inbox. */
  done(id: string): Promise<void>;
  /** Every item still in the inbox, oldest first. */
  pending(): Promise<InboxItem[]>;
}
