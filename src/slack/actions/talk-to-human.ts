import type { App } from '@slack/bolt';
import { ACTION } from '../../core/model/actions.js';
import { humanRequestItem } from '../intake/slack-inbox-item.js';
import { blockActionPayload, conversationKeyValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';

/**
 * "Talk to a person" under an answer: the customer's own way out of the bot. The press is recorded in
 * the inbox before Slack hears back, like a message, and handled from there (process-slack-item.ts).
 */
export function registerTalkToHuman(app: App, deps: SlackDeps): void {
  app.action(ACTION.talkToHuman, async ({ ack, body }) => {
    const payload = blockActionPayload.safeParse(body);
    const key = conversationKeyValue.safeParse(payload.data?.actions[0]?.value);
    if (!payload.success || !key.success) {
      await ack();
      deps.log.warn({ action: ACTION.talkToHuman }, 'malformed talk-to-human payload ignored');
      return;
    }
    const { user, channel, container, actions } = payload.data;
    const thread = container?.thread_ts ?? container?.message_ts;
    const request = { conversationKey: key.data, user: { id: user.id, ...(user.team_id ? { teamId: user.team_id } : {}) }, channel: channel?.id, thread };
    await deps.intake.take(humanRequestItem(request, actions[0]?.action_ts ?? String(Date.now() / 1000), Date.now()));
    await ack();
  });
}
