import { z } from 'zod';

/** The parts of a block_actions payload Baton reads; anything else in it is ignored. */
export const blockActionPayload = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional(), username: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ message_ts: z.string().optional(), thread_ts: z.string().optional() }).partial().optional(),
  /** The message carrying the button, as Slack has it: what an action that changes it starts from. */
  message: z.object({ ts: z.string(), text: z.string().optional(), blocks: z.array(z.record(z.string(), z.unknown())).optional() }).optional(),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(2000).optional(), action_ts: z.string().optional() })).min(1),
});

export type BlockActionPayload = z.infer<typeof blockActionPayload>;

/** Escalation ids as Baton mints them; a button value that is not one is rejected, not looked up. */
export const escalationIdValue = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** Conversation keys as the core forms them: platform:channel:thread. */
export const conversationKeyValue = z.string().regex(/^(slack|teams):[^:\s]{1,200}:[^\s]{1,200}$/);
