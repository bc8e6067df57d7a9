import type { App } from '@slack/bolt';
import { z } from 'zod';
import { relayToCustomer, type RelayResult } from '../../core/escalation/relay-reply.js';
import { REPLY_FIELD, VIEW } from '../../core/model/actions.js';
import { escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';

/** A composer's submission as Baton reads it: who sent it, the escalation it is for, the typed text. */
export const composerSubmission = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional(), username: z.string().optional() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).partial())) }),
  }),
});

const REFUSAL: Record<Exclude<RelayResult, { ok: true }>['reason'], string> = {
  not_allowed: 'Only the support team can reply to customers from here.',
  not_found: 'This escalation no longer exists, so there is no one to send this to.',
  empty: 'Write the reply the customer should read.',
};

/** The composer's Send: the reply goes to the customer's conversation; a refusal shows in the composer. */
export function registerReplySubmission(app: App, deps: SlackDeps): void {
  app.view(VIEW.replyToCustomer, async ({ ack, body }) => {
    const parsed = composerSubmission.safeParse(body);
    const id = escalationIdValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !id.success) {
      await ack({ response_action: 'errors', errors: { [REPLY_FIELD]: 'This form is out of date; close it and press Reply to customer again.' } });
      return;
    }
    const { user, view } = parsed.data;
    const author = await deps.directory.author(user.id, user.team_id);
    const text = view.state.values[REPLY_FIELD]?.[REPLY_FIELD]?.value ?? '';
    const result = await relayToCustomer(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username }, text);
    if (result.ok) await ack();
    else await ack({ response_action: 'errors', errors: { [REPLY_FIELD]: REFUSAL[result.reason] } });
  });
}
