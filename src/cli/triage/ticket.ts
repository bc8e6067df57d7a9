import { z } from 'zod';
import type { Turn } from '../../core/model/message.js';
import type { DecisionInput } from '../../core/ports/decider.js';

const message = z.object({
  from: z.enum(['customer', 'staff', 'bot']).optional(),
  role: z.enum(['customer', 'staff', 'bot']).optional(),
  text: z.string(),
});

/** A past ticket to replay: one message, or a thread whose last customer message is the one decided on. */
export const ticketSchema = z
  .object({
    id: z.string().min(1),
    account: z.string().min(1).default('replay'),
    text: z.string().optional(),
    messages: z.array(message).optional(),
    /** The triage-dev files call the thread "turns". */
    turns: z.array(message).optional(),
  })
  .refine((t) => t.text !== undefined || (t.messages ?? t.turns)?.some((m) => (m.from ?? m.role ?? 'customer') === 'customer'), {
    message: 'a ticket needs "text" or "messages" with at least one customer message',
  });

export type Ticket = z.infer<typeof ticketSchema>;

/** The decision input at the ticket's last customer message, with everything before it as history. */
export function toDecisionInput(t: Ticket): DecisionInput {
  const thread = (t.messages ?? t.turns ?? []).map((m) => ({ role: m.from ?? m.role ?? 'customer', text: m.text }));
  let last = -1;
  thread.forEach((m, i) => {
    if (m.role === 'customer') last = i;
  });
  const text = last >= 0 ? thread[last]!.text : t.text ?? '';
  const history: Turn[] = thread.slice(0, last >= 0 ? last : thread.length).map((m, i) => ({ role: m.role, text: m.text, at: i }));
  return { text, history, accountId: t.account };
}
