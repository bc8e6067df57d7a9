import type { App } from '@slack/bolt';
import { csatRefusal } from '../../core/copy/refusals.js';
import { rateConversation } from '../../core/feedback/csat.js';
import { blockActionPayload, conversationKeyValue } from '../normalize/action-payload.js';
import { CSAT_ACTION_PATTERN } from '../render/csat-prompt.js';
import { loopDeps } from '../commands/loop-deps.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** A click on a rating button in the customer's thread; the rating is in the action id, the conversation in the value. */
export function registerCsatRating(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  app.action(CSAT_ACTION_PATTERN, async ({ ack, body }) => {
    await ack();
    const payload = blockActionPayload.safeParse(body);
    const action = payload.data?.actions[0];
    const rating = Number(CSAT_ACTION_PATTERN.exec(action?.action_id ?? '')?.[1]);
    const key = conversationKeyValue.safeParse(action?.value);
    if (!payload.success || !key.success || !rating) {
      deps.log.warn({ action: action?.action_id }, 'malformed rating click ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    const author = await deps.directory.author(user.id, user.team_id);
    const result = await rateConversation(core, key.data, author, rating);
    const text = csatRefusal(result);
    if (text) await replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
  });
}
