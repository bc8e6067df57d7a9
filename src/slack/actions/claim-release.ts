import type { App } from '@slack/bolt';
import type { ActionResult } from '../../core/escalation/specialist-actions.js';
import { claimEscalation, releaseEscalation } from '../../core/escalation/specialist-actions.js';
import { ACTION } from '../../core/model/actions.js';
import { blockActionPayload, escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

function refusal(result: ActionResult): string | undefined {
  if (result.ok) return undefined;
  switch (result.reason) {
    case 'already_claimed':
      return `<@${result.by.id}> already claimed this escalation.`;
    case 'not_claimed_by_you':
      return result.by ? `Only <@${result.by.id}>, who claimed it, can release this escalation.` : 'Nobody has claimed this escalation.';
    case 'already_resolved':
      return 'This escalation is already resolved.';
    case 'not_allowed':
      return 'Only the support team can claim, release or close escalations.';
    case 'not_found':
      return 'This escalation no longer exists.';
    default:
      return undefined;
  }
}

/** Claim and Release on the packet: the core decides who wins; the loser hears who did, privately. */
export function registerClaimRelease(app: App, deps: SlackDeps): void {
  const handlers = [
    [ACTION.claim, claimEscalation],
    [ACTION.release, releaseEscalation],
  ] as const;
  for (const [actionId, run] of handlers) {
    app.action(actionId, async ({ ack, body }) => {
      await ack();
      const payload = blockActionPayload.safeParse(body);
      const id = escalationIdValue.safeParse(payload.data?.actions[0]?.value);
      if (!payload.success || !id.success) {
        deps.log.warn({ action: actionId }, 'malformed escalation action ignored');
        return;
      }
      const { user, channel, container } = payload.data;
      const author = await deps.directory.author(user.id, user.team_id);
      const result = await run(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username });
      const text = refusal(result);
      if (text) await replyEphemeral(deps, channel?.id, user.id, text, container?.thread_ts);
    });
  }
}
