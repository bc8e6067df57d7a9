import type { App } from '@slack/bolt';
import { readingChoiceItem } from '../intake/slack-inbox-item.js';
import { blockActionPayload, conversationKeyValue } from '../normalize/action-payload.js';
import { CLARIFY_ACTION_PATTERN } from '../render/choice-message.js';
import type { SlackDeps } from '../slack-deps.js';

/**
 * A button of a clarifying question: which question and reading are in the action id, the conversation
 * in the value. Recorded in the inbox before Slack hears back, like a message, and decided from there.
 */
export function registerChooseReading(app: App, deps: SlackDeps): void {
  app.action(CLARIFY_ACTION_PATTERN, async ({ ack, body }) => {
    const payload = blockActionPayload.safeParse(body);
    const action = payload.data?.actions[0];
    const picked = CLARIFY_ACTION_PATTERN.exec(action?.action_id ?? '');
    const key = conversationKeyValue.safeParse(action?.value);
    if (!payload.success || !key.success || !picked) {
      await ack();
      deps.log.warn({ action: action?.action_id }, 'malformed clarifying-question click ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    const press = {
      conversationKey: key.data,
      user: { id: user.id, ...(user.team_id ? { teamId: user.team_id } : {}) },
      channel: channel?.id,
      thread: container?.thread_ts ?? container?.message_ts,
      ask: Number(picked[1]),
      option: Number(picked[2]),
    };
    await deps.intake.take(readingChoiceItem(press, action?.action_ts ?? String(Date.now() / 1000), Date.now()));
    await ack();
  });
}
