import type { AccountPolicy } from '../../config/policy-schema.js';
import type { CoreDeps } from '../deps.js';
import { channelName } from '../model/conversation-ref.js';
import type { InboundMessage } from '../model/message.js';
import { sendOnce } from '../delivery/deliver-once.js';
import type { ChannelOnboarding } from '../ports/onboarding.js';
import { channelStanding } from './channel-directory.js';
import { ensureOffer, type OnboardingDeps, recordChannel } from './offer-channel.js';
import { refreshOffer } from './onboarding-view.js';

export type Admission = { admitted: true; account: AccountPolicy } | { admitted: false; reason: 'unmapped_channel' | 'awaiting_consent' };

/** A redelivered message is shown to the leads once. */
const HELD_ONCE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The consent gate: a message is decided only in a channel of a configured account, or of one a lead
 * mapped and introduced Baton to. Anywhere else Baton says nothing: a customer's message there is left
 * to people and shown to the leads in the thread of the channel's mapping message, which it asks for
 * if nobody was asked yet. Throws when the leads could not be told: the inbox tries the message again
 * (nothing is posted twice), then sets it aside with its alert.
 */
export async function admitMessage(deps: CoreDeps, msg: InboundMessage): Promise<Admission> {
  const standing = await channelStanding(deps, msg.ref);
  if (standing.kind === 'account') return { admitted: true, account: standing.account };
  const log = { channel: msg.ref.channel, platform: msg.ref.platform };
  if (standing.kind === 'internal' || !msg.author.isExternal || !deps.onboarding) {
    deps.log.debug(log, 'message in a channel mapped to no account');
    return { admitted: false, reason: standing.kind === 'onboarding' ? 'awaiting_consent' : 'unmapped_channel' };
  }
  const withPorts = deps as OnboardingDeps;
  const record = standing.kind === 'onboarding' ? standing.record : (await recordChannel(withPorts, msg.ref, 'message')).record;
  deps.log.info({ ...log, status: record.status }, 'customer message in a channel not live yet; left to people and shown to the leads');
  await holdMessage(withPorts, msg);
  return { admitted: false, reason: standing.kind === 'onboarding' ? 'awaiting_consent' : 'unmapped_channel' };
}

/**
 * Counts the message on the leads' message (once, however often it is redelivered) and copies it into its
 * thread, as one delivery per message; nothing of it reaches the customer.
 */
async function holdMessage(deps: OnboardingDeps, msg: InboundMessage): Promise<void> {
  if (!msg.text.trim()) return;
  const name = channelName(msg.ref);
  const counted = (await deps.once.claimOnce(`held:${name}:${msg.id}`, HELD_ONCE_MS))
    ? await deps.onboarding.store.update<ChannelOnboarding | undefined>(name, (current) => {
        const next = current && { ...current, held: current.held + 1 };
        return { ...(next ? { next } : {}), result: next };
      })
    : await deps.onboarding.store.get(name);
  const record = counted && (await ensureOffer(deps, counted));
  const at = record?.offer;
  if (!at) return;
  const held = { channel: record.channel, ...(record.title ? { title: record.title } : {}), text: msg.text, ...(msg.author.name ? { authorName: msg.author.name } : {}) };
  const note = { id: `held-note:${name}:${msg.id}`, place: { ...at.channel, thread: at.messageId, since: record.offeredAt }, ttlMs: HELD_ONCE_MS };
  await sendOnce(deps, note, (tag) => deps.onboarding.gateway.noteHeld(at, held, tag));
  await refreshOffer(deps, record);
}
