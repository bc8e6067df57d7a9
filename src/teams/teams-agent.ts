import type { Activity } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { channelStanding } from '../core/onboarding/channel-directory.js';
import { ACTION } from '../core/model/actions.js';
import { conversationKey } from '../core/model/conversation-ref.js';
import { cardAction, runCardAction } from './card-actions.js';
import { answerFileConsent } from './commands/export-files.js';
import { isPersonalChat, replyOnce } from './commands/lead-chat.js';
import { answerLeadChat } from './commands/lead-commands.js';
import { ONBOARDING_VERBS } from './onboarding-actions.js';
import { PACKET_VERBS } from './packet-actions.js';
import { REVIEW_VERBS } from './review-actions.js';
import { cardActivity } from './render/adaptive-card.js';
import { teamsMessageItem } from './intake/teams-inbox-item.js';
import { takeInstall } from './new-conversation.js';
import { activityTime, messageFiles, messageText, placeReference, teamsRef, threadReference } from './normalize/teams-activity.js';
import type { TeamsSettings } from './teams-settings.js';
import type { TeamsTurnDeps } from './teams-turn-deps.js';

/**
 * A customer-channel message: the sender is classified, the thread's reference stored for the replies,
 * and the message recorded in the inbox, all before Teams gets its 200. In a conversation no account
 * maps yet the core holds it for the leads (the consent gate); only Baton's own queue channels are skipped. The decision is taken from the
 * inbox, and every reply goes out as a proactive send, so the turn stays far inside Teams' 15 s.
 */
async function takeMessage(deps: TeamsTurnDeps, ctx: TurnContext): Promise<void> {
  const { activity } = ctx;
  const ref = teamsRef(activity);
  const text = messageText(activity);
  const files = messageFiles(activity);
  if (!ref || !activity.id || (!text && files.length === 0)) return;
  const standing = await channelStanding(deps.core, ref);
  if (standing.kind === 'internal') return;
  deps.metrics.eventReceived('teams');
  const author = await deps.directory.author(ctx);
  await deps.references.remember(conversationKey(ref), threadReference(activity, ref));
  if (standing.kind !== 'account') await deps.references.rememberPlace(ref.channel, placeReference(activity));
  await deps.intake.take(teamsMessageItem({ id: activity.id, ref, author, text, ...(files.length > 0 ? { files } : {}), at: activityTime(activity) }, Date.now()));
}

/**
 * The Action.Submit fallback arrives as a message whose value is the button's `{verb, data}`: refusals
 * are said in the thread, and a card answer replaces the card clicked, as Action.Execute's answer does.
 */
async function takeSubmit(deps: TeamsTurnDeps, ctx: TurnContext): Promise<boolean> {
  const action = cardAction.safeParse(ctx.activity.value);
  if (!action.success) return false;
  const answer = await runCardAction(deps, ctx, action.data);
  const cardId = ctx.activity.replyToId;
  if (typeof answer === 'string' && answer !== '') await replyOnce(deps, ctx, [{ type: 'message', text: answer }]);
  else if (typeof answer === 'object' && cardId) await ctx.updateActivity({ ...cardActivity(answer, 'Baton'), id: cardId } as Activity);
  return true;
}

/** Teams' invoke for a file consent card's Allow or Decline. */
const FILE_CONSENT = 'fileConsent/invoke';

/** Someone of the vendor's team writing in their own chat with Baton: commands, not a customer's question. */
async function fromOwnTeamInPersonalChat(deps: TeamsTurnDeps, ctx: TurnContext): Promise<boolean> {
  return isPersonalChat(ctx) && !(await deps.directory.author(ctx)).isExternal;
}

/**
 * Baton's Teams agent on the Microsoft 365 Agents SDK. A turn that fails (the store is down, the
 * backlog is full) is not swallowed: the request answers 500 and Teams delivers the activity again.
 */
export function createTeamsAgent(settings: TeamsSettings, adapter: CloudAdapter, deps: TeamsTurnDeps): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ adapter, agentAppId: settings.appId, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  app.onError(async (_ctx, err) => {
    throw err;
  });
  // Every activity from a conversation the vendor's tenant hosts teaches where its queue channels are reached.
  app.onTurn('beforeTurn', async (ctx) => {
    await deps.queues.learn(ctx.activity);
    return true;
  });
  // An install: the service URL is learned (above); a customer's conversation no account maps goes to the leads.
  app.onActivity('conversationUpdate', (ctx) => takeInstall(deps, ctx));
  app.onActivity('installationUpdate', (ctx) => takeInstall(deps, ctx));
  // A lead allowing (or declining) an export file in their chat with Baton.
  app.addRoute(async (ctx) => ctx.activity.type === 'invoke' && ctx.activity.name === FILE_CONSENT, async (ctx) => {
    await answerFileConsent(deps, ctx);
    await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200 } } as Activity);
  }, true);
  for (const verb of [ACTION.talkToHuman, ACTION.csat, ACTION.answerHelpful, ACTION.answerNotHelpful, ACTION.clarify, ...PACKET_VERBS, ...ONBOARDING_VERBS, ...REVIEW_VERBS]) {
    app.adaptiveCards.actionExecute(verb, async (ctx, _state, action: unknown) => {
      const parsed = cardAction.safeParse(action);
      return (parsed.success ? await runCardAction(deps, ctx, parsed.data) : undefined) ?? 'This button no longer works.';
    });
  }
  app.onActivity('message', async (ctx) => {
    if (await takeSubmit(deps, ctx)) return;
    if (await fromOwnTeamInPersonalChat(deps, ctx)) await answerLeadChat(deps, ctx);
    else await takeMessage(deps, ctx);
  });
  return app;
}
