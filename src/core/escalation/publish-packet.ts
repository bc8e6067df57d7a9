import type { Conversation } from '../conversation/conversation.js';
import { queueById, queueChannel } from '../conversation/accounts.js';
import { findAccount } from '../onboarding/channel-directory.js';
import type { CoreDeps } from '../deps.js';
import { conversationKey, parseChannelName } from '../model/conversation-ref.js';
import { buildHandoffPacket, type HandoffPacket } from '../handoff/handoff-packet.js';
import { packetArticles } from '../handoff/packet-articles.js';
import type { Escalation, PacketLocation } from './escalation.js';
import { isRefusal, type DeliveryTag } from '../ports/chat-gateway.js';
import type { Delivery } from '../delivery/delivery.js';
import { pendingDeliveries } from '../delivery/outbox.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';

/** The packet as the escalation's current queue shows it, or (`movedAway`) as the queue it left does. */
async function packetFor(deps: Pick<CoreDeps, 'articles' | 'log' | 'onboarding' | 'policy'>, escalation: Escalation, conversation: Conversation, link?: string, movedAway = false) {
  const account = await findAccount(deps, escalation.accountId);
  const current = queueById(deps.policy, escalation.queueId);
  const from = escalation.movedFrom ? queueById(deps.policy, escalation.movedFrom.queueId) : undefined;
  const queue = movedAway ? from : current;
  if (!account || !queue || !current) return undefined;
  const rootCauseLabel = deps.policy.root_causes.find((r) => r.id === escalation.tags?.rootCause)?.label;
  const articles = packetArticles(deps, escalation, conversation);
  const input = { escalation, conversation, account, queue, page: escalation.page, conversationLink: link, rootCauseLabel, articles };
  return buildHandoffPacket(movedAway ? { ...input, movedAway: { to: current } } : input, from);
}

/** The packet as it stands now, for an adapter that shows it again in place (a card answering a click). */
export async function currentPacket(deps: Pick<CoreDeps, 'articles' | 'conversations' | 'escalations' | 'log' | 'onboarding' | 'policy'>, escalationId: string): Promise<HandoffPacket | undefined> {
  const escalation = await deps.escalations.get(escalationId);
  const conversation = escalation && (await deps.conversations.get(conversationKey(escalation.conversation)));
  return conversation ? packetFor(deps, escalation, conversation, escalation.conversationLink) : undefined;
}

/** The routed queue's channel first; the default queue's channel if the routed one refuses the post. */
function channelsFor(deps: Pick<CoreDeps, 'boards' | 'policy'>, escalation: Escalation): string[] {
  const { platform } = escalation.conversation;
  const routed = queueChannel(deps, escalation.queueId, platform);
  const fallback = queueChannel(deps, deps.policy.routing.default_queue, platform);
  return [...new Set([routed, fallback].filter((c): c is string => !!c))];
}

/** The one delivery id a packet is posted under, whoever posts it (the delivery runner or the SLA sweep). */
export function packetDeliveryId(escalation: Pick<Escalation, 'id' | 'queueId' | 'movedFrom'>): string {
  // The backup queue's packet is a second message: its own id, so a look-up never mistakes the first for it.
  return escalation.movedFrom ? `${escalation.id}:packet:${escalation.queueId}` : `${escalation.id}:packet`;
}

function remember(deps: Pick<CoreDeps, 'escalations'>, escalation: Escalation, location: PacketLocation, link: string | undefined): Promise<Escalation | undefined> {
  return deps.escalations.update(escalation.id, (current) => {
    const next = { ...current, packet: location, conversationLink: link };
    return { next, result: next };
  });
}

/** The packet already posted under its delivery id in any of its channels; throws when a look-up fails. */
async function findPosted(deps: Pick<CoreDeps, 'gateway' | 'policy'>, escalation: Escalation, id: string): Promise<PacketLocation | undefined> {
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
export async function publishPacket(deps: Pick<CoreDeps, 'articles' | 'escalations' | 'gateway' | 'log' | 'onboarding' | 'policy'>, escalation: Escalation, conversation: Conversation, maybePosted: boolean, tag: DeliveryTag): Promise<Escalation | undefined> {
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
      const { sent } = await deps.gateway.postPacket(parseChannelName(channel), packet, { ...tag, id });
      return await remember(deps, escalation, sent, link);
    } catch (err) {
      deps.log.error({ err, escalationId: escalation.id, channel }, 'handoff packet could not be posted in this channel');
      if (!isRefusal(err)) return undefined;
    }
  }
  return undefined;
}

/**
 * Asks for the packet (and the one a breach left in the first queue) to be shown again as the escalation
 * stands, after a claim, release, close or breach. Recorded in the conversation's outbox: delivered after
 * the packet itself, retried until it lands, and rendered when it goes out.
 */
export async function refreshPacket(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'locks' | 'newId'>, escalation: Escalation): Promise<void> {
  await recordDeliveries(deps, escalation.conversation, packetUpdates(deps, escalation));
}

/** The recorded updates that show the escalation as it stands: its packet, and the one a breach left behind. */
export function packetUpdates(deps: Pick<CoreDeps, 'clock' | 'newId'>, escalation: Escalation): Delivery[] {
  return [packetUpdate(deps, escalation.id), ...(escalation.movedFrom?.packet ? [packetUpdate(deps, escalation.id, true)] : [])];
}

/** One recorded update of an escalation's packet. */
export function packetUpdate(deps: Pick<CoreDeps, 'clock' | 'newId'>, escalationId: string, firstQueue = false): Delivery {
  return { id: `${escalationId}:update:${deps.newId()}`, kind: 'update', escalationId, createdAt: deps.clock.now(), ...(firstQueue ? { firstQueue: true as const } : {}) };
}

/** The packet as it stands and where it is shown; undefined when it is not posted (yet) or gone. */
export async function packetToShow(deps: Pick<CoreDeps, 'articles' | 'log' | 'onboarding' | 'policy'>, escalation: Escalation, conversation: Conversation, firstQueue = false): Promise<{ at: PacketLocation; packet: HandoffPacket } | undefined> {
  const at = firstQueue ? escalation.movedFrom?.packet : escalation.packet;
  const packet = at && (await packetFor(deps, escalation, conversation, escalation.conversationLink, firstQueue));
  return at && packet ? { at, packet } : undefined;
}

type Update = Extract<Delivery, { kind: 'update' }>;

/**
 * Delivers a recorded packet update: false while the packet itself is still on its way (it is retried).
 * Only the last update of a packet still owed is sent: it shows everything the earlier ones would.
 */
export async function deliverUpdate(deps: Pick<CoreDeps, 'articles' | 'escalations' | 'gateway' | 'log' | 'onboarding' | 'policy'>, conversation: Conversation, update: Update): Promise<boolean> {
  const owed = pendingDeliveries(conversation);
  const later = owed.slice(owed.findIndex((d) => d.id === update.id) + 1);
  if (later.some((d) => d.kind === 'update' && d.escalationId === update.escalationId && !!d.firstQueue === !!update.firstQueue)) return true;
  const escalation = await deps.escalations.get(update.escalationId);
  if (!escalation) return !owed.some((d) => d.kind === 'packet' && d.escalation.id === update.escalationId);
  if (!update.firstQueue && !escalation.packet) return false;
  const shown = await packetToShow(deps, escalation, conversation, update.firstQueue);
  if (shown) await deps.gateway.updatePacket(shown.at, shown.packet);
  return true;
}
