import type { App } from '@slack/bolt';
import { z } from 'zod';
import { specialistRefusal } from '../../core/copy/refusals.js';
import { assignEscalation } from '../../core/escalation/specialist-actions.js';
import { ACTION } from '../../core/model/actions.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** The packet's "Assign to…" picker: the person picked, and the escalation its block names (`packet:<id>`). */
const assignPayload = blockActionPayload.extend({
  actions: z.array(z.object({ action_id: z.string(), block_id: z.string(), selected_user: z.string() })).min(1),
});
const packetBlock = z.string().transform((s) => s.replace(/^packet:/, '')).pipe(escalationIdValue);

const NOT_STAFF = 'Escalations can only be assigned to the support team.';

/** Assign on the packet: the teammate picked claims the escalation; a refusal is said privately to the one who picked. */
export function registerAssign(app: App, deps: SlackDeps): void {
  app.action(ACTION.assign, async ({ ack, body }) => {
    await ack();
    const payload = assignPayload.safeParse(body);
    const action = payload.data?.actions[0];
    const id = packetBlock.safeParse(action?.block_id);
    if (!payload.success || !action || !id.success) {
      deps.log.warn({ action: ACTION.assign }, 'malformed assign action ignored');
      return;
    }
    const { user, channel, container } = payload.data;
    const [author, assignee] = await Promise.all([deps.directory.author(user.id, user.team_id), deps.directory.author(action.selected_user)]);
    const say = (text: string) => replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
    if (!author.isExternal && assignee.isExternal) return void (await say(NOT_STAFF));
    const result = await assignEscalation(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username }, assignee);
    const text = specialistRefusal(result, (who) => `<@${who.id}>`);
    if (text) await say(text);
  });
}
