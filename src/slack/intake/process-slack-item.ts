import { talkToHumanRefusal } from '../../core/copy/refusals.js';
import { handleMessage } from '../../core/conversation/handle-message.js';
import { requestHuman } from '../../core/conversation/request-human.js';
import type { InboxItem } from '../../core/ports/inbox.js';
import type { Metrics } from '../../core/ports/metrics.js';
import type { DeliveryRunner } from '../../infra/delivery/delivery-runner.js';
import type { InboxWorker } from '../../infra/intake/inbox-worker.js';
import { replyEphemeral } from '../actions/reply-ephemeral.js';
import type { SlackDeps } from '../slack-deps.js';
import type { SlackInboxPayload } from './slack-inbox-item.js';
import { takeVote } from './take-vote.js';

export interface SlackIntakeDeps extends SlackDeps {
  runner: DeliveryRunner;
  metrics: Metrics;
  worker(): InboxWorker;
}

/**
 * Decides one inbox item through the core (the decision and its messages land in one conversation
 * write), then leaves the item in the inbox until the conversation's messages are delivered: a crash
 * before that resumes it, finds it already decided, and finishes the deliveries.
 */
export function slackItemHandler(deps: SlackIntakeDeps): (item: InboxItem, recovered: boolean) => Promise<void> {
  return async (item, recovered) => {
    const payload = item.payload as SlackInboxPayload;
    const key = payload.kind === 'message' ? await takeMessage(deps, payload) : payload.kind === 'answer_vote' ? await takeVote(deps, payload) : await takeHumanRequest(deps, payload);
    deps.metrics.eventProcessed('slack', 'ok');
    // Only an item whose deliveries had started can have a message out that Baton never heard back about.
    if (recovered && item.delivering) await deps.runner.resume(key);
    void deps.runner
      .settled(key)
      .then(() => deps.worker().finish(item.id))
      .catch((err: unknown) => deps.log.error({ err, item: item.id }, 'could not clear a delivered inbox item; it is taken again after a restart'));
  };
}

async function takeMessage(deps: SlackIntakeDeps, payload: Extract<SlackInboxPayload, { kind: 'message' }>): Promise<string> {
  const { inbound } = payload;
  const author = await deps.directory.author(inbound.userId, inbound.userTeam);
  const outcome = await handleMessage(deps.core, { ...inbound.message, author });
  deps.log.debug({ channel: inbound.message.ref.channel, thread: inbound.message.ref.thread, outcome: outcome.kind }, 'message handled');
  const { platform, channel, thread } = inbound.message.ref;
  return `${platform}:${channel}:${thread}`;
}

async function takeHumanRequest(deps: SlackIntakeDeps, payload: Extract<SlackInboxPayload, { kind: 'human_request' }>): Promise<string> {
  const { user, conversationKey, channel, thread } = payload;
  const author = await deps.directory.author(user.id, user.teamId);
  const outcome = await requestHuman(deps.core, conversationKey, author);
  const refusal = talkToHumanRefusal(outcome);
  if (refusal) await replyEphemeral(deps, channel, user.id, refusal, thread);
  return conversationKey;
}
