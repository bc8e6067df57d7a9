import type { Conversation } from '../conversation/conversation.js';
import { queueById } from '../conversation/accounts.js';
import { findAccount } from '../onboarding/channel-directory.js';
import type { CoreDeps } from '../deps.js';
import { conversationKey, parseChannelName } from '../model/conversation-ref.js';
import { buildHandoffPacket, type HandoffPacket } from '../handoff/handoff-packet.js';
import type { Escalation, PacketLocation } from './escalation.js';
import { isRefusal } from '../ports/chat-gateway.js';

/** The packet as the escalation's current queue shows it, or (`movedAway`) as the queue it left does. */
async function packetFor(deps: CoreDeps, escalation: Escalation, conversation: Conversation, link?: string, movedAway = false) {
  const account = await findAccount(deps, escalation.accountId);
  const current = queueById(deps.policy, escalation.queueId);
  const from = escalation.movedFrom ? queueById(deps.policy, escalation.movedFrom.queueId) : undefined;
  const queue = movedAway ? from : current;
  if (!account || !queue || !current) return undefined;
  const rootCauseLabel = deps.policy.root_causes.find((r) => r.id === escalation.tags?.rootCause)?.label;
  const input = { escalation, conversation, account, queue, page: escalation.page, conversationLink: link, rootCauseLabel };
  return buildHandoffPacket(movedAway ? { ...input, movedAway: { to: current } } : input, from);
}

/** The packet as it stands now, for an adapter that shows it again in place (a card answering a click). */
export async function currentPacket(deps: CoreDeps, escalationId: string): Promise<HandoffPacket | undefined> {
  const escalation = await deps.escalations.get(escalationId);
  const conversation = escalation && (await deps.conversations.get(conversationKey(escalation.conversation)));
  return conversation ? packetFor(deps, escalation, conversation, escalation.conversationLink) : undefined;
}

/** The routed queue's channel first; the default queue's channel if the routed one refuses the post. */
function channelsFor(deps: CoreDeps, escalation: Escalation): string[] {
  const routed = queueById(deps.policy, escalation.queueId)?.channel;
  const fallback = queueById(deps.policy, deps.policy.routing.default_queue)?.channel;
  return [...new Set([routed, fallback].filter((c): c is string => !!c))];
}

/** The one delivery id a packet is posted under, whoever posts it (the delivery runner or the SLA sweep). */
export function packetDeliveryId(escalation: Pick<Escalation, 'id' | 'queueId' | 'movedFrom'>): string {
  // The backup queue's packet is a second message: its own id, so a look-up never mistakes the first for it.
  return escalation.movedFrom ? `${escalation.id}:packet:${escalation.queueId}` : `${escalation.id}:packet`;
}

function remember(deps: CoreDeps, escalation: Escalation, location: PacketLocation, link: string | undefined): Promise<Escalation | undefined> {
  return deps.escalations.update(escalation.id, (current) => {
    const next = { ...current, packet: location, conversationLink: link };
    return { next, result: next };
  });
}

/** The packet already posted under its delivery id in any of its channels; throws when a look-up fails. */
async function findPosted(deps: CoreDeps, escalation: Escalation, id: string): Promise<PacketLocation | undefined> {
  for (const channel of channelsFor(deps, escalation)) {
    const place = parseChannelName(channel);
    const found = await deps.gateway.findDelivered({ ...place, since: escalation.openedAt }, id);
    if (found) return { ...place, messageId: found };
  }
  return undefined;
}

/**
 * Posts the packet for a new escalation and remembers where it went. When the routed channel refuses it
 * (the bot was never invited, the channel was archived) the default queue's channel gets it, so a
 * specialist still sees it. Any other failure (a timeout, a 5xx) may have posted it, so nothing more is
 * tried now and the caller comes back later. `maybePosted`: an earlier attempt failed that way, so every
 * channel is searched for it first and it is never posted twice.
 */
export async function publishPacket(
  deps: CoreDeps,
  escalation: Escalation,
  conversation: Conversation,
  maybePosted = false,
  beforeSend?: () => Promise<void>,
): Promise<Escalation | undefined> {
  const link = await deps.gateway.linkTo(conversation.ref).catch(() => undefined);
  const packet = await packetFor(deps, escalation, conversation, link);
  if (!packet) return undefined;
  const id = packetDeliveryId(escalation);
  try {
    const found = maybePosted ? await findPosted(deps, escalation, id) : undefined;
    if (found) return await remember(deps, escalation, found, link);
  } catch (err) {
    deps.log.warn({ err, escalationId: escalation.id }, 'could not check whether the handoff packet went out; trying again later');
    return undefined;
  }
  for (const channel of channelsFor(deps, escalation)) {
    try {
      const location = await deps.gateway.postPacket(parseChannelName(channel), packet, { id, ...(beforeSend ? { beforeSend } : {}) });
      return await remember(deps, escalation, location, link);
    } catch (err) {
      deps.log.error({ err, escalationId: escalation.id, channel }, 'handoff packet could not be posted in this channel');
      if (!isRefusal(err)) return undefined;
    }
  }
  return undefined;
}

/** Brings the packet the escalation left behind in its first queue up to date, when a breach moved it. */
export async function refreshMovedPacket(deps: CoreDeps, escalation: Escalation, conversation: Conversation): Promise<void> {
  const location = escalation.movedFrom?.packet;
  const packet = location ? await packetFor(deps, escalation, conversation, escalation.conversationLink, true) : undefined;
  if (!location || !packet) return;
  await deps.gateway.updatePacket(location, packet).catch((err: unknown) => {
    deps.log.error({ err, escalationId: escalation.id }, 'the handoff packet left in the first queue could not be updated');
  });
}

/** Re-renders the packet in place after a claim, release or close; posts it if it never went out. */
export async function refreshPacket(deps: CoreDeps, escalation: Escalation): Promise<void> {
  const conversation = await deps.conversations.get(conversationKey(escalation.conversation));
  if (!conversation) return;
  await refreshMovedPacket(deps, escalation, conversation);
  // Not marked yet: the delivery runner may have it posted and not yet recorded, so look before posting;
  // what is found is then brought up to date like any other packet.
  const location = escalation.packet ?? (await publishPacket(deps, escalation, conversation, true))?.packet;
  if (!location) return;
  const packet = await packetFor(deps, escalation, conversation, escalation.conversationLink);
  if (!packet) return;
  try {
    await deps.gateway.updatePacket(location, packet);
  } catch (err) {
    deps.log.error({ err, escalationId: escalation.id }, 'handoff packet could not be updated');
  }
}
