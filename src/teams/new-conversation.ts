import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { ChannelRef } from '../core/model/conversation-ref.js';
import { offerChannel } from '../core/onboarding/offer-channel.js';
import { placeReference } from './normalize/teams-activity.js';
import type { TeamsTurnDeps } from './teams-turn-deps.js';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { name?: string };
  channel?: { name?: string };
}

/** Baton itself was added: to a team (conversationUpdate in its General channel), a channel or a group chat. */
function batonAdded(activity: Activity): boolean {
  if (activity.type === 'installationUpdate') return (activity.action ?? '').startsWith('add');
  return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

/** What the leads read for a conversation whose id says nothing: "Team › Channel", or the chat's name. */
export function conversationTitle(activity: Activity): string | undefined {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const names = [data.team?.name, data.channel?.name].filter((n): n is string => Boolean(n));
  return names.length > 0 ? names.join(' \u203a ') : activity.conversation?.name || undefined;
}

function hostTenant(activity: Activity): string | undefined {
  return activity.conversation?.tenantId ?? ((activity.channelData ?? {}) as TeamsChannelData).tenant?.id;
}

/**
 * Baton was added to a Teams conversation: where it is reached is stored (the introduction goes there),
 * and one no account maps is offered to the leads, like a Slack channel Baton joins. A conversation the
 * vendor's own tenant hosts (its own team, or a shared channel it hosts) is offered only at a customer's
 * first message there, decided by the sender's tenant: installing the app for the queues offers nothing.
 */
export async function takeInstall(deps: TeamsTurnDeps, ctx: TurnContext): Promise<void> {
  const { activity } = ctx;
  const id = activity.conversation?.id;
  if (!id || !batonAdded(activity)) return;
  const reference = placeReference(activity);
  const ref: ChannelRef = { platform: 'teams', channel: reference.conversation.id };
  await deps.references.rememberPlace(ref.channel, reference);
  const host = hostTenant(activity);
  if (host && deps.core.policy.teams.tenant_ids.includes(host)) return;
  await offerChannel(deps.core, ref, 'joined', conversationTitle(activity));
}
