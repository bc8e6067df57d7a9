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
  /** How many times handling the item has failed so far, kept across restarts (see DeadLetters). */
  failures?: number;
}

/** An inbox item set aside after failing every try, with the last error, until an operator retries or drops it. */
export interface DeadLetter {
  item: InboxItem;
  error: string;
  /** Epoch ms it was set aside. */
  at: number;
  /** An operator asked for another try: a running Baton takes it back. */
  retry?: boolean;
}

/**
 * Where inbox items go that fail a bounded number of times (a poison event), so they neither block nor
 * spin; `baton inbox` lists, retries and drops them.
 */
export interface DeadLetters {
  /** Moves the item from the pending inbox to the dead letters. */
  bury(letter: DeadLetter): Promise<void>;
  /** Every dead letter, oldest first. */
  buried(): Promise<DeadLetter[]>;
  /** Marks a dead letter for another try; false when there is none with that id. */
  revive(id: string): Promise<boolean>;
  /** Forgets a dead letter for good; false when there is none with that id. */
  drop(id: string): Promise<boolean>;
  /** The dead letters marked for another try, each handed to one caller only (instances share Redis). */
  takeRevived(): Promise<InboxItem[]>;
}

export interface Inbox {
  /** Records the item durably; throws when the store cannot take it (the caller then refuses the event). */
  add(item: InboxItem): Promise<void>;
  /** The item's outcome is written and delivered: it leaves the inbox. */
  done(id: string): Promise<void>;
  /** Every item still in the inbox, oldest first. */
  pending(): Promise<InboxItem[]>;
}
