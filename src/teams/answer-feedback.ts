import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { LoopDeps } from '../core/deps.js';
import { voteOnAnswer, voteReply, type Vote } from '../core/feedback/answer-vote.js';
import { parseAnswerRef } from '../core/model/answer-ref.js';
import { teamsHumanRequestItem } from './intake/teams-inbox-item.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';
import { fromHere } from './card-press.js';

const voteData = z.object({ answer: z.string().max(500) });

/**
 * Helpful / Not helpful on an answer card, through the same core use case as Slack. The handoff that
 * "Not helpful" asks for is recorded in the inbox (like "Talk to a person"), so the click answers at
 * once; the clicker reads the acknowledgement, and the card stays as it is for everyone else.
 */
export async function voteFromCard(deps: TeamsTurnDeps, ctx: TurnContext, data: unknown, vote: Vote): Promise<CardAnswer | undefined> {
  const parsed = voteData.safeParse(data);
  const ref = parsed.success ? parseAnswerRef(parsed.data.answer) : undefined;
  if (!ref || !fromHere(deps, ctx, ref.conversationKey)) return undefined;
  const author = await deps.directory.author(ctx);
  const core = deps.core as LoopDeps;
  const outcome = await voteOnAnswer(core, ref, author, vote, async (key, who) => {
    const conversation = await core.conversations.get(key);
    if (conversation?.mode !== 'escalated') await deps.intake.take(teamsHumanRequestItem(key, who, ctx.activity.id ?? String(Date.now()), Date.now()));
    return undefined;
  });
  return voteReply(core.policy.answer_feedback, outcome);
}
