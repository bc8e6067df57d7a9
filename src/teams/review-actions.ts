import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { candidateApprovalText, reviewRefusal, SHARE_REFUSALS } from '../core/copy/review-refusals.js';
import { shareCandidate, shareForm } from '../core/feedback/kb-share.js';
import { approveCandidate } from '../core/feedback/kb-candidate.js';
import { ACTION, ANSWER_FIELD, SHARE_FIELD } from '../core/model/actions.js';
import { decideReview, type ReviewDecision, reviewProposal } from '../core/suggest/answer-review.js';
import { scopeLabel } from '../core/suggest/approve-answer.js';
import { leadIdOf } from './normalize/teams-lead.js';
import { answerReviewCard, CONFIRMED, EVERYONE, reviewDecisionCard } from './render/answer-review-card.js';
import { shareCard, sharedCard } from './render/weekly-review-card.js';
import { inPersonalChat, loopOf } from './commands/lead-chat.js';
import { escalationData } from './packet-handler.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';

const reviewData = z.object({
  t: z.string().min(1).max(300),
  v: z.string().max(64),
  r: z.coerce.number().int().min(0).max(1000).catch(0),
  [ANSWER_FIELD.answer]: z.string().max(20_000).optional().catch(undefined),
  [ANSWER_FIELD.scope]: z.string().max(100).optional().catch(undefined),
  [ANSWER_FIELD.confirm]: z.string().max(20).optional().catch(undefined),
});
type ReviewData = z.output<typeof reviewData>;

const FAILED = 'The decision could not be saved, so nothing changed. Please try again in a moment.';

/** The card's inputs as a decision: the text as the lead left it in the field (the exact text customers get), for whom, and the marked spans confirmed or not. */
function decisionOf(verb: string, d: ReviewData): ReviewDecision {
  if (verb === ACTION.rejectAnswer) return { kind: 'reject', topic: d.t };
  const scope = d[ANSWER_FIELD.scope];
  return {
    kind: 'approve',
    topic: d.t,
    version: d.v,
    ...(d[ANSWER_FIELD.answer] !== undefined ? { answer: d[ANSWER_FIELD.answer] } : {}),
    scope: !scope || scope === EVERYONE ? { everyone: true } : { account: scope },
    confirmMarked: d[ANSWER_FIELD.confirm] === CONFIRMED,
  };
}

/** A press on a review card: its data, and who pressed, as the core's lead checks know them; undefined when malformed or outside a personal chat. */
async function leadPress<T extends z.ZodType>(deps: TeamsTurnDeps, ctx: TurnContext, schema: T, data: unknown) {
  const parsed = schema.safeParse(data);
  if (!parsed.success || !inPersonalChat(deps, ctx)) return undefined;
  const core = loopOf(deps);
  const author = await deps.directory.author(ctx);
  return { data: parsed.data as z.output<T>, core, lead: leadIdOf(core.policy, author), who: author.name ?? 'a lead' };
}

/**
 * Approve or Reject on a topic of the answer review, through the same core use case as Slack's review.
 * Only in a personal chat with Baton (where the review was sent) and only for a lead. A text refused for
 * its marked spans, or empty, comes back on the card as the lead left it, with the reason under it.
 */
async function decide(deps: TeamsTurnDeps, ctx: TurnContext, verb: string, data: unknown): Promise<CardAnswer | undefined> {
  const press = await leadPress(deps, ctx, reviewData, data);
  if (!press) return undefined;
  const { core, lead, who, data: parsed } = press;
  const decision = decisionOf(verb, parsed);
  const result = await decideReview(core, lead, decision).catch((err: unknown) => {
    deps.log.error({ err, topic: decision.topic }, 'answer review decision could not be saved');
    return undefined;
  });
  if (!result) return FAILED;
  if (result.ok) {
    return decision.kind === 'reject'
      ? reviewDecisionCard(decision.topic, `Rejected by ${who}; not proposed again.`)
      : reviewDecisionCard(decision.topic, `Approved for ${scopeLabel(decision.scope)} by ${who}; Baton answers from it now.`, result.entry?.answer ?? '');
  }
  const proposal = result.reason === 'marked' || result.reason === 'empty' ? await reviewProposal(core, decision.topic) : undefined;
  if (!proposal) return reviewRefusal(result);
  const { [ANSWER_FIELD.answer]: answer, [ANSWER_FIELD.scope]: scope, [ANSWER_FIELD.confirm]: confirm } = parsed;
  return answerReviewCard(proposal, parsed.r, core.policy.accounts, { values: { [ANSWER_FIELD.answer]: answer, [ANSWER_FIELD.scope]: scope, [ANSWER_FIELD.confirm]: confirm }, errors: { [ANSWER_FIELD.answer]: reviewRefusal(result) } });
}

/** "Approve for <account>" on a KB candidate of the weekly review: the clicker reads what it did; the card stays. */
async function approveListed(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown): Promise<CardAnswer | undefined> {
  const press = await leadPress(deps, ctx, escalationData, data);
  if (!press) return undefined;
  const { escalationId } = press.data;
  const result = await approveCandidate(press.core, escalationId, press.lead).catch((err: unknown) => {
    deps.log.error({ err, escalationId }, 'KB approval could not be saved');
    return undefined;
  });
  return result ? candidateApprovalText(result) : 'The approval could not be saved, so nothing changed. Please try again in a moment.';
}

const shareData = escalationData.extend({ [SHARE_FIELD.answer]: z.string().max(20_000).optional().catch(undefined) });

/** "Edit and share with everyone": the candidate's card becomes the edit step; Share sends exactly the text in the field to every customer who asks alike. */
async function share(deps: TeamsTurnDeps, ctx: TurnContext, verb: string, data: unknown): Promise<CardAnswer | undefined> {
  const press = await leadPress(deps, ctx, shareData, data);
  if (!press) return undefined;
  const { core, lead, who } = press;
  const { escalationId, [SHARE_FIELD.answer]: text } = press.data;
  const form = await shareForm(core, escalationId, lead);
  if (!form.ok) return SHARE_REFUSALS[form.reason];
  if (verb === ACTION.shareCandidate) return shareCard(form);
  const result = await shareCandidate(core, escalationId, lead, text ?? '');
  if (result.ok) return sharedCard(escalationId, who, result.entry.answer ?? '');
  return result.reason === 'empty' ? shareCard(form, { values: { [SHARE_FIELD.answer]: text }, errors: { [SHARE_FIELD.answer]: SHARE_REFUSALS.empty } }) : SHARE_REFUSALS[result.reason];
}

type ReviewAction = (deps: TeamsTurnDeps, ctx: TurnContext, verb: string, data: unknown) => Promise<CardAnswer | undefined>;

const ACTIONS: Record<string, ReviewAction> = {
  [ACTION.approveAnswer]: decide,
  [ACTION.rejectAnswer]: decide,
  [ACTION.approveCandidate]: (deps, ctx, _verb, data) => approveListed(deps, ctx, data),
  [ACTION.shareCandidate]: share,
  [ACTION.submitShare]: share,
};

/** The verbs of the review's cards (the weekly review's candidates and the answer review). */
export const REVIEW_VERBS = Object.keys(ACTIONS);

export function runReviewAction(deps: TeamsTurnDeps, ctx: TurnContext, verb: string, data: unknown): Promise<CardAnswer | undefined> {
  return ACTIONS[verb]?.(deps, ctx, verb, data) ?? Promise.resolve(undefined);
}
