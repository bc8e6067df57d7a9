import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { choiceRefusal, csatRefusal, HUMAN_REQUESTED, talkToHumanRefusal } from '../core/copy/refusals.js';
import type { LoopDeps } from '../core/deps.js';
import { rateConversation } from '../core/feedback/csat.js';
import { ACTION } from '../core/model/actions.js';
import { csatThanksCard } from './render/csat-card.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';
import { teamsHumanRequestItem, teamsReadingChoiceItem } from './intake/teams-inbox-item.js';
import { PACKET_ACTIONS } from './packet-actions.js';
import { voteFromCard } from './answer-feedback.js';
import { ONBOARDING_VERBS, runOnboardingAction } from './onboarding-actions.js';
import { REVIEW_VERBS, runReviewAction } from './review-actions.js';
import { fromHere, pressedBy } from './card-press.js';

/** Conversation keys as the core forms them for Teams; a card value that is not one is rejected, not looked up. */
const teamsKey = z.string().regex(/^teams:\S{1,400}$/);
const talkData = z.object({ conversationKey: teamsKey });
const rateData = z.object({ conversationKey: teamsKey, rating: z.coerce.number().int() });
const chooseData = z.object({ conversationKey: teamsKey, ask: z.coerce.number().int().min(0), option: z.coerce.number().int().min(0) });

/**
 * Both Action.Execute and its Action.Submit fallback carry `{verb, data}` (render/adaptive-card.ts). A
 * form's input values come inside `data` from Action.Execute and beside it from Action.Submit; either
 * way they end up in `data`.
 */
export const cardAction = z
  .looseObject({ verb: z.string(), data: z.record(z.string(), z.unknown()).default({}) })
  .transform(({ verb, data, type: _type, ...inputs }) => ({ verb, data: { ...inputs, ...data } }));
export type CardAction = z.output<typeof cardAction>;

/**
 * "Talk to a person": recorded in the inbox (like a message) before Teams hears back, and decided from
 * there. Staff and a conversation already with a person are told so at once, as on Slack.
 */
async function talkToHuman(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown): Promise<CardAnswer | undefined> {
  const parsed = talkData.safeParse(data);
  if (!parsed.success || !fromHere(deps, ctx, parsed.data.conversationKey)) return undefined;
  const key = parsed.data.conversationKey;
  const author = await deps.directory.author(ctx);
  const conversation = await deps.core.conversations.get(key);
  const standing = pressedBy(conversation, author);
  const refusal = talkToHumanRefusal(standing ?? (conversation?.mode === 'escalated' ? { kind: 'already_with_human' } : undefined));
  if (refusal) return refusal;
  await deps.intake.take(teamsHumanRequestItem(key, author, ctx.activity.id ?? String(Date.now()), Date.now()));
  return HUMAN_REQUESTED;
}

/**
 * A clarifying question's button: recorded in the inbox and decided from there, like "Talk to a person".
 * A press that can do nothing (staff, a person has the thread, already settled) is told so at once.
 */
async function choose(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown): Promise<CardAnswer | undefined> {
  const parsed = chooseData.safeParse(data);
  if (!parsed.success || !fromHere(deps, ctx, parsed.data.conversationKey)) return undefined;
  const { conversationKey: key, ask, option } = parsed.data;
  const author = await deps.directory.author(ctx);
  const conversation = await deps.core.conversations.get(key);
  const asked = conversation?.clarifications?.[ask];
  const picked = asked?.readings[option];
  const standing = pressedBy(conversation, author);
  const refusal = choiceRefusal(
    standing ? standing
    : !picked ? { kind: 'not_found' }
    : conversation?.mode !== 'bot' ? { kind: 'already_with_human' }
    : asked?.settled ? { kind: 'already_settled' }
    : undefined,
  );
  if (refusal) return refusal;
  await deps.intake.take(teamsReadingChoiceItem(key, author, { ask, option }, ctx.activity.id ?? String(Date.now()), Date.now()));
  // The clicker reads back what they picked; the answer follows in the thread.
  return picked!.label;
}

/** A rating from the survey card: the buttons become the thank-you for everyone (the core updates the card). */
async function rate(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown): Promise<CardAnswer | undefined> {
  const parsed = rateData.safeParse(data);
  if (!parsed.success || !fromHere(deps, ctx, parsed.data.conversationKey)) return undefined;
  const author = await deps.directory.author(ctx);
  const result = await rateConversation(deps.core as LoopDeps, parsed.data.conversationKey, author, parsed.data.rating);
  return result.ok ? csatThanksCard(deps.core.policy.csat.thanks) : csatRefusal(result);
}

/** Runs the action a card button names; undefined for one Baton does not know (or a malformed value). */
export async function runCardAction(deps: TeamsTurnDeps, ctx: TurnContext, action: CardAction): Promise<CardAnswer | undefined> {
  if (action.verb === ACTION.talkToHuman) return talkToHuman(deps, ctx, action.data);
  if (action.verb === ACTION.csat) return rate(deps, ctx, action.data);
  if (action.verb === ACTION.answerHelpful) return voteFromCard(deps, ctx, action.data, 'helpful');
  if (action.verb === ACTION.answerNotHelpful) return voteFromCard(deps, ctx, action.data, 'not_helpful');
  if (action.verb === ACTION.clarify) return choose(deps, ctx, action.data);
  const packetAction = PACKET_ACTIONS[action.verb];
  if (packetAction) return packetAction(deps, ctx, action.data);
  if (ONBOARDING_VERBS.includes(action.verb)) return runOnboardingAction(deps, ctx, action.verb, action.data);
  if (REVIEW_VERBS.includes(action.verb)) return runReviewAction(deps, ctx, action.verb, action.data);
  deps.log.warn({ verb: action.verb }, 'unknown Teams card action ignored');
  return undefined;
}
