import type { AccountPolicy } from '../../config/policy-schema.js';
import type { CoreDeps } from '../deps.js';
import { channelName } from '../model/conversation-ref.js';
import type { InboundMessage } from '../model/message.js';
import type { ChannelOnboarding, OnboardingPorts } from '../ports/onboarding.js';
import { channelStanding } from './channel-directory.js';
import { ensureOffer, offerChannel } from './offer-channel.js';
import { refreshOffer } from './onboarding-view.js';

export type Admission = { admitted: true; account: AccountPolicy } | { admitted: false; reason: 'unmapped_channel' | 'awaiting_consent' };

/** A redelivered message is shown to the leads once. */
const HELD_ONCE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The consent gate: a message is decided only in a channel of a configured account, or of one a lead
 * mapped and introduced Baton to. Anywhere else Baton says nothing: a customer's message there is left
 * to people and shown to the leads in the thread of the channel's mapping message, which it asks for
 * if nobody was asked yet.
 */
export async function admitMessage(deps: CoreDeps, msg: InboundMessage): Promise<Admission> {
  const standing = await channelStanding(deps, msg.ref);
  if (standing.kind === 'account') return { admitted: true, account: standing.account };
  const log = { channel: msg.ref.channel, platform: msg.ref.platform };
  if (standing.kind === 'internal' || !msg.author.isExternal || !deps.onboarding) {
    deps.log.debug(log, 'message in a channel mapped to no account');
    return { admitted: false, reason: standing.kind === 'onboarding' ? 'awaiting_consent' : 'unmapped_channel' };
  }
  if (standing.kind === 'unknown') await offerChannel(deps, msg.ref, 'message');
  deps.log.info({ ...log, status: standing.kind === 'onboarding' ? standing.record.status : 'offered' }, 'customer message in a channel not live yet; left to people and shown to the leads');
  await holdMessage(deps as CoreDeps & { onboarding: OnboardingPorts }, msg);
  return { admitted: false, reason: standing.kind === 'onboarding' ? 'awaiting_consent' : 'unmapped_channel' };
}

/** Counts the message on the leads' message and copies it into its thread; nothing of it reaches the customer. */
async function holdMessage(deps: CoreDeps & { onboarding: OnboardingPorts }, msg: InboundMessage): Promise<void> {
  const name = channelName(msg.ref);
  if (!msg.text.trim() || !(await deps.once.claimOnce(`held:${name}:${msg.id}`, HELD_ONCE_MS))) return;
  const counted = await deps.onboarding.store.update<ChannelOnboarding | undefined>(name, (current) => {
    const next = current && { ...current, held: current.held + 1 };
    return { ...(next ? { next } : {}), result: next };
  });
  const record = counted && (await ensureOffer(deps, counted));
  if (!record?.offer) return;
  try {
    await deps.onboarding.gateway.noteHeld(record.offer, { channel: record.channel, ...(record.title ? { title: record.title } : {}), text: msg.text, ...(msg.author.name ? { authorName: msg.author.name } : {}) });
  } catch (err) {
    deps.log.warn({ err, channel: msg.ref.channel }, 'could not show the leads a message held in a new channel');
  }
  await refreshOffer(deps, record);
}
