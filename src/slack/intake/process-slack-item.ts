import { choiceRefusal, talkToHumanRefusal } from '../../core/copy/refusals.js';
import { chooseReading } from '../../core/conversation/choose-reading.js';
import { handleMessages } from '../../core/conversation/handle-message.js';
import { requestHuman } from '../../core/conversation/request-human.js';
import type { InboxItem } from '../../core/ports/inbox.js';
import type { Metrics } from '../../core/ports/metrics.js';
import type { DeliveryRunner } from '../../infra/delivery/delivery-runner.js';
import type { InboxWorker } from '../../infra/intake/inbox-worker.js';
import { settleGroup } from '../../infra/intake/settle-group.js';
import { replyEphemeral } from '../actions/reply-ephemeral.js';
import type { SlackDeps } from '../slack-deps.js';
import type { SlackInboxPayload } from './slack-inbox-item.js';
import { takeVote } from './take-vote.js';
import { runLeadDm } from '../commands/run-lead-dm.js';

export interface SlackIntakeDeps extends SlackDeps {
  runner: DeliveryRunner;
  metrics: Metrics;
  worker(): InboxWorker;
  /** BATON_INBOX_MAX_TRIES: an item failing this many times is set aside as a dead letter. */
  maxTries: number;
}

type MessagePayload = Extract<SlackInboxPayload, { kind: 'message' }>;
type HumanRequestPayload = Extract<SlackInboxPayload, { kind: 'human_request' }>;

/**
 * Decides a group of inbox items through the core: the messages of one thread held together (one
 * request), or a single press ("Talk to a person", a vote on an answer, a clarifying question's button:
 * never held), or what a lead asked for in their DM. The items leave the inbox once their messages are delivered.
 */
export function slackItemHandler(deps: SlackIntakeDeps): (items: InboxItem[], recovered: boolean) => Promise<void> {
  return async (items, recovered) => {
    const payloads = items.map((i) => i.payload as SlackInboxPayload);
    const single = payloads.length === 1 ? payloads[0] : undefined;
    // A lead's DM is alone in its lane (never held with a message), and done once its messages are out.
    if (single?.kind === 'lead_dm') {
      const item = items[0]!;
      await runLeadDm(deps, item, single, (item.failures ?? 0) + 1 >= deps.maxTries);
      return deps.worker().finish(items[0]!.id);
    }
    let key: string;
    if (single?.kind === 'human_request') key = await takeHumanRequest(deps, single);
    else if (single?.kind === 'answer_vote') key = await takeVote(deps, single);
    else if (single?.kind === 'reading_choice') key = await takeReadingChoice(deps, single);
    else key = await takeMessages(deps, items as InboxItem<MessagePayload>[]);
    for (const _ of items) deps.metrics.eventProcessed('slack', 'ok');
    await settleGroup(deps.runner, deps.worker(), items, key, recovered, deps.log);
  };
}

/** A new message that joined its author's previous one is decided in that one's conversation. */
async function takeMessages(deps: SlackIntakeDeps, items: InboxItem<MessagePayload>[]): Promise<string> {
  const messages = await Promise.all(
    items.map(async ({ payload: { inbound }, joined }) => ({ ...inbound.message, ref: joined ?? inbound.message.ref, author: await deps.directory.author(inbound.userId, inbound.userTeam) })),
  );
  const outcome = await handleMessages(deps.core, messages);
  const { platform, channel, thread } = messages[0]!.ref;
  deps.log.debug({ channel, thread, messages: messages.length, outcome: outcome.kind }, 'message handled');
  return `${platform}:${channel}:${thread}`;
}

async function takeHumanRequest(deps: SlackIntakeDeps, payload: HumanRequestPayload): Promise<string> {
  const { user, conversationKey, channel, thread } = payload;
  const author = await deps.directory.author(user.id, user.teamId);
  const outcome = await requestHuman(deps.core, conversationKey, author);
  const refusal = talkToHumanRefusal(outcome);
  if (refusal) await replyEphemeral(deps, channel, user.id, refusal, thread);
  return conversationKey;
}

async function takeReadingChoice(deps: SlackIntakeDeps, payload: Extract<SlackInboxPayload, { kind: 'reading_choice' }>): Promise<string> {
  const { user, conversationKey, channel, thread, ask, option } = payload;
  const author = await deps.directory.author(user.id, user.teamId);
  const refusal = choiceRefusal(await chooseReading(deps.core, conversationKey, author, ask, option));
  if (refusal) await replyEphemeral(deps, channel, user.id, refusal, thread);
  return conversationKey;
}
