import type { App } from '@slack/bolt';
import { z } from 'zod';
import { decideReview } from '../../core/suggest/answer-review.js';
import { ANSWER_FIELD, VIEW } from '../../core/model/actions.js';
import { reviewRefusal } from '../../core/copy/review-refusals.js';
import { decisionNote } from '../actions/review-answer.js';
import { loopDeps } from '../commands/loop-deps.js';
import { leadDmItem, submissionTrigger } from '../intake/slack-inbox-item.js';
import { parseAnswerValue } from '../normalize/answer-value.js';
import { EVERYONE } from '../render/answer-modal.js';
import type { SlackDeps } from '../slack-deps.js';

const field = z.object({ value: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish(), selected_options: z.array(z.object({ value: z.string() })).nullish() }).partial();
const submission = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({ private_metadata: z.string(), state: z.object({ values: z.record(z.string(), z.record(z.string(), field)) }) }),
});

/**
 * The edit modal's Approve: a refusal (marked spans not confirmed, empty, not a lead, reviewed meanwhile)
 * stays in the modal; otherwise it closes and the lead gets a DM with the text exactly as customers see it.
 */
export function registerAnswerSubmission(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  app.view(VIEW.reviewAnswer, async ({ ack, body }) => {
    const parsed = submission.safeParse(body);
    const value = parseAnswerValue(parsed.data?.view.private_metadata);
    if (!parsed.success || !value) {
      await ack({ response_action: 'errors', errors: { [ANSWER_FIELD.answer]: 'This form is out of date; close it and press Edit again.' } });
      return;
    }
    const values = parsed.data.view.state.values;
    const scope = values[ANSWER_FIELD.scope]?.[ANSWER_FIELD.scope]?.selected_option?.value ?? EVERYONE;
    const decision = {
      kind: 'approve' as const,
      topic: value.t,
      version: value.v,
      answer: values[ANSWER_FIELD.answer]?.[ANSWER_FIELD.answer]?.value ?? '',
      scope: scope === EVERYONE ? { everyone: true as const } : { account: scope },
      confirmMarked: (values[ANSWER_FIELD.confirm]?.[ANSWER_FIELD.confirm]?.selected_options ?? []).length > 0,
    };
    const user = parsed.data.user.id;
    const result = await decideReview(core, user, decision).catch((err: unknown) => {
      deps.log.error({ err, topic: value.t }, 'answer review decision could not be saved');
      return undefined;
    });
    if (!result?.ok) {
      await ack({ response_action: 'errors', errors: { [ANSWER_FIELD.answer]: result ? reviewRefusal(result) : 'The approval could not be saved, so nothing changed. Please try again in a moment.' } });
      return;
    }
    await ack();
    const receipt = `${decisionNote(decision, user)}. Customers see exactly:\n>${(result.entry?.answer ?? '').replace(/\n/g, '\n>')}`;
    // Sent from the inbox (retried, once); the decision stands even if the receipt cannot be recorded.
    await deps.intake
      .take(leadDmItem(user, submissionTrigger(body), { receipt: receipt }, Date.now()))
      .catch((err: unknown) => deps.log.warn({ err, topic: value.t }, 'could not confirm an approval to the lead'));
  });
}
