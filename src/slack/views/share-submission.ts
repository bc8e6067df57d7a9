import type { App } from '@slack/bolt';
import { z } from 'zod';
import { shareCandidate } from '../../core/feedback/kb-share.js';
import { SHARE_FIELD, VIEW } from '../../core/model/actions.js';
import { SHARE_REFUSALS } from '../../core/copy/review-refusals.js';
import { loopDeps } from '../commands/loop-deps.js';
import { leadDmItem, submissionTrigger } from '../intake/slack-inbox-item.js';
import { escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';

const submission = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).partial())) }),
  }),
});

/**
 * The share modal's submit: a refusal (not a lead, shared meanwhile, empty text) stays in the modal;
 * otherwise it closes and the lead gets a DM with the text exactly as every customer will see it.
 */
export function registerShareSubmission(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  app.view(VIEW.shareCandidate, async ({ ack, body }) => {
    const parsed = submission.safeParse(body);
    const id = escalationIdValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !id.success) {
      await ack({ response_action: 'errors', errors: { [SHARE_FIELD.answer]: 'This form is out of date; close it and press the button again.' } });
      return;
    }
    const text = parsed.data.view.state.values[SHARE_FIELD.answer]?.[SHARE_FIELD.answer]?.value ?? '';
    const user = parsed.data.user.id;
    const result = await shareCandidate(core, id.data, user, text).catch((err: unknown) => {
      deps.log.error({ err, escalationId: id.data }, 'KB share could not be saved');
      return undefined;
    });
    if (!result?.ok) {
      const why = result ? SHARE_REFUSALS[result.reason] : 'The share could not be saved, so nothing changed. Please try again in a moment.';
      await ack({ response_action: 'errors', errors: { [SHARE_FIELD.answer]: why } });
      return;
    }
    await ack();
    const confirmation = `Shared with every customer. Baton now answers similar questions with:\n>${result.entry.answer ?? ''}`;
    // Sent from the inbox (retried, once); the decision stands even if the receipt cannot be recorded.
    await deps.intake
      .take(leadDmItem(user, submissionTrigger(body), { receipt: confirmation }, Date.now()))
      .catch((err: unknown) => deps.log.warn({ err, escalationId: id.data }, 'could not confirm a share to the lead'));
  });
}
