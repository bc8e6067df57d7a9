import type { App } from '@slack/bolt';
import { rateConversation, type RateResult } from '../../core/feedback/csat.js';
import { blockActionPayload, conversationKeyValue } from '../normalize/action-payload.js';
import { CSAT_ACTION_PATTERN } from '../render/csat-prompt.js';
import { loopDeps } from '../commands/loop-deps.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

const REFUSAL: Record<Exclude<RateResult, { ok: true }>['reason'], string | undefined> = {
  not_your_conversation: 'Thanks, but only the customer who asked can rate this conversation.',
  already_rated: 'This conversation has been rated already. Thank you!',
  not_found: 'This rating request has expired.',
  invalid: undefined,
};

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
    const text = result.ok ? undefined : REFUSAL[result.reason];
    if (text) await replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
  });
}
