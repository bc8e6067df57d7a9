import type { ConversationRef } from './conversation-ref.js';

export interface Author {
  id: string;
  name?: string;
  /** True for anyone outside the vendor's own workspaces. Unknown users are customers (fail closed). */
  isExternal: boolean;
}

/** A file a person attached to a message (a screenshot, a log), as the platform describes it. */
export interface SharedFile {
  name: string;
  /** A MIME type or the platform's file type (`image/png`, `pdf`). */
  type: string;
  /** Where a person with access opens it, when the platform gives a link. */
  link?: string;
}

/** One message as the core sees it, whatever platform it came from. */
export interface InboundMessage {
  /** Platform message id (Slack `ts`), unique within the channel. */
  id: string;
  ref: ConversationRef;
  author: Author;
  text: string;
  /** Files attached to it; a message may be only files (a screenshot, no words). */
  files?: SharedFile[];
  /** Epoch milliseconds. */
  at: number;
}

export type TurnRole = 'customer' | 'staff' | 'bot';

export interface Turn {
  role: TurnRole;
  text: string;
  at: number;
  authorId?: string;
  authorName?: string;
  messageId?: string;
  /** A bot turn's outbox delivery, so an answer that never went out can be taken back. */
  deliveryId?: string;
  /** An answer's category and the titles of the knowledge it quoted: what its Helpful / Not helpful counts under. */
  answered?: { category: string; topic?: string; sources: string[] };
}

/**
 * Whether a text holds anything a person can read: whitespace and invisible format characters (zero-width
 * spaces and joiners, byte-order marks, direction marks) alone say nothing, so they are no question.
 */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{Cf}]/u.test(text);
}
