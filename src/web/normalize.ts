import { z } from 'zod';
import type { Policy } from '../config/policy-schema.js';
import { MAX_RELAY_CHARS } from '../core/escalation/relay-reply.js';
import type { ConversationRef } from '../core/model/conversation-ref.js';
import { hasVisibleText, type Author, type InboundMessage } from '../core/model/message.js';
import { customersOf, roomOf } from './playground-policy.js';

/** The longest message the playground takes, as a shared channel's message would be. */
const MAX_MESSAGE_CHARS = 4000;

const text = z
  .string()
  .trim()
  .refine(hasVisibleText, 'Write something first: the message is empty.')
  .superRefine((t, ctx) => {
    if (t.length <= MAX_MESSAGE_CHARS) return;
    const n = (x: number) => x.toLocaleString('en-US');
    ctx.addIssue({ code: 'custom', message: `This message is ${n(t.length)} characters long; Baton takes up to ${n(MAX_MESSAGE_CHARS)} at a time. Shorten it or send it in parts.` });
  });

export const customerMessageBody = z.object({ account: z.string().min(1), customer: z.string().min(1), thread: z.string().min(1).optional(), text });
export const staffReplyBody = z.object({ escalationId: z.string().min(1), text: text.refine((t) => t.length <= MAX_RELAY_CHARS, `A reply to the customer takes up to ${MAX_RELAY_CHARS.toLocaleString('en-US')} characters.`) });
export const conversationActionBody = z.object({ conversationKey: z.string().min(1), customer: z.string().min(1) });
export const ratingBody = conversationActionBody.extend({ rating: z.number().int() });
/** A Helpful / Not helpful press: the answer's button value, and the message that showed it (whose buttons give way). */
export const voteBody = z.object({ answer: z.string().min(1).max(500), customer: z.string().min(1), messageId: z.string().min(1).max(100), vote: z.enum(['helpful', 'not_helpful']) });
export const escalationBody = z.object({ escalationId: z.string().min(1) });
/** "Send as is" (no text) or "Edit and send" on a copilot draft. */
export const draftSendBody = escalationBody.extend({ text: z.string().max(MAX_RELAY_CHARS).optional() });
export const closeBody = escalationBody.extend({
  rootCause: z.string().optional(),
  aiAccuracy: z.string().optional(),
  automation: z.string().optional(),
  note: z.string().max(3000).optional(),
});

/** A customer as the playground knows them, from any account's people; undefined for anyone else. */
export function customerById(policy: Policy, id: string): Author | undefined {
  return policy.accounts.flatMap((a) => customersOf(a.id)).find((c) => c.id === id);
}

export type Normalized = { ok: true; message: InboundMessage } | { ok: false; error: string };

/**
 * A message typed in an account's room, as the core's InboundMessage: the room is the account's `web:`
 * channel, a new question opens its own thread (its id is the thread's, as in Slack), the author is
 * one of the account's customers.
 */
export function customerMessage(policy: Policy, body: z.infer<typeof customerMessageBody>, id: string, at: number): Normalized {
  const account = policy.accounts.find((a) => a.id === body.account);
  if (!account) return { ok: false, error: `No account "${body.account}" in the policy.` };
  const author = customersOf(account.id).find((c) => c.id === body.customer);
  if (!author) return { ok: false, error: `"${body.customer}" is not one of ${account.name}'s people.` };
  const ref: ConversationRef = { platform: 'web', channel: roomOf(account), thread: body.thread ?? id };
  return { ok: true, message: { id, ref, author, text: body.text, at } };
}
