import type { Author } from '../model/message.js';
import type { Conversation } from './conversation.js';

/** The people who wrote in the conversation as customers: the only ones its customer buttons act for. */
export function customersOf(conversation: Conversation): string[] {
  return [...new Set(conversation.turns.flatMap((t) => (t.role === 'customer' && t.authorId ? [t.authorId] : [])))];
}

/**
 * Who a customer button (Talk to a person, Helpful / Not helpful, a clarifying question's reading, a
 * rating) acts for: a customer of this very conversation. Staff are told the button is the customer's;
 * anyone else who can see it (a partner workspace, another customer organisation in a shared channel)
 * is told it belongs to someone else's conversation, and nothing opens or counts.
 */
export function buttonStanding(customers: readonly string[], author: Author): 'own_customer' | 'not_customer' | 'not_your_conversation' {
  if (!author.isExternal) return 'not_customer';
  return customers.includes(author.id) ? 'own_customer' : 'not_your_conversation';
}
