import type { App } from '@slack/bolt';
import { requestHuman } from '../../core/conversation/request-human.js';
import { ACTION } from '../../core/model/actions.js';
import { blockActionPayload, conversationKeyValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** "Talk to a person" under an answer: the customer's own way out of the bot. */
export function registerTalkToHuman(app: App, deps: SlackDeps): void {
  app.action(ACTION.talkToHuman, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const key = conversationKeyValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !key.success) {
      deps.log.warn({ action: ACTION.talkToHuman }, 'malformed talk-to-human payload ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    const author = await deps.directory.author(user.id, user.team_id);
    const outcome = await requestHuman(deps.core, key.data, author).catch((err: unknown) => {
      deps.log.error({ err }, 'talk-to-human failed');
      return undefined;
    });
    const thread = container?.thread_ts ?? container?.message_ts;
    if (outcome?.kind === 'already_with_human') {
      await replyEphemeral(deps, channel?.id, user.id, 'A specialist already has this conversation; they will reply here.', thread);
    } else if (outcome?.kind === 'not_customer') {
      await replyEphemeral(deps, channel?.id, user.id, 'This button is for the customer. To take over, just reply in the thread.', thread);
    }
  });
}
