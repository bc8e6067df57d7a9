import { lookThenSend } from '../delivery/deliver-once.js';
import type { CoreDeps } from '../deps.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import type { ChannelOnboarding, OfferReason, OnboardingPorts } from '../ports/onboarding.js';
import { channelStanding, leadsChannel } from './channel-directory.js';
import { onboardingView } from './onboarding-view.js';

export type OnboardingDeps = CoreDeps & { onboarding: OnboardingPorts };

export type OfferOutcome = 'offered' | 'already_offered' | 'mapped' | 'internal' | 'off';

/** The lock under which a channel's leads' message is posted and its mapping changed, on every instance. */
export const onboardingLock = (ref: ChannelRef) => `onboard:${channelName(ref)}`;

/** The leads' message about a channel is one delivery per channel, looked for before it is sent again. */
const offerDelivery = (ref: ChannelRef) => `offer:${channelName(ref)}`;
const TRIED_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Baton is in a channel no account maps (it was invited, the channel was shared, or a customer wrote
 * there): the leads are asked, once per channel, to map it. `title` names it for them where its id
 * says nothing (a Teams team or chat). Baton's own channels are never offered. A leads' message that
 * cannot be posted now is tried again at the channel's next event or message.
 */
export async function offerChannel(deps: CoreDeps, ref: ChannelRef, reason: OfferReason, title?: string): Promise<OfferOutcome> {
  if (!deps.onboarding) return 'off';
  const standing = await channelStanding(deps, ref);
  if (standing.kind === 'account') return 'mapped';
  if (standing.kind === 'internal') return 'internal';
  const withPorts = deps as OnboardingDeps;
  const { record, fresh } = standing.kind === 'onboarding' ? { record: standing.record, fresh: false } : await recordChannel(withPorts, ref, reason, title);
  try {
    await ensureOffer(withPorts, record);
  } catch (err) {
    deps.log.warn({ err, channel: ref.channel }, 'could not tell the leads about a new channel; trying again at its next event or message');
  }
  return fresh ? 'offered' : 'already_offered';
}

/** The channel's onboarding record, created `offered` unless another event or instance created it first. */
export async function recordChannel(deps: OnboardingDeps, ref: ChannelRef, reason: OfferReason, title?: string): Promise<{ record: ChannelOnboarding; fresh: boolean }> {
  const created: ChannelOnboarding = { channel: { platform: ref.platform, channel: ref.channel }, ...(title ? { title } : {}), status: 'offered', reason, offeredAt: deps.clock.now(), held: 0 };
  const record = await deps.onboarding.store.update(channelName(ref), (current) => (current ? { result: current } : { next: created, result: created }));
  if (record === created) deps.log.info({ channel: ref.channel, platform: ref.platform, reason }, 'channel mapped to no account; asking the leads to map it');
  return { record, fresh: record === created };
}

/**
 * Posts the leads' message if it never went out (the platform refused it, or the process stopped first),
 * as one delivery per channel: an attempt whose answer was lost is looked for on the platform before it
 * is posted again. Returns the record as it now stands; throws when the post failed.
 */
export async function ensureOffer(deps: OnboardingDeps, record: ChannelOnboarding): Promise<ChannelOnboarding> {
  if (record.offer) return record;
  const leads = leadsChannel(deps.policy, (platform) => deps.onboarding.gateway.asksLeadsOn(platform));
  if (!leads) return record;
  return deps.locks.run(onboardingLock(record.channel), async () => {
    const current = (await deps.onboarding.store.get(channelName(record.channel))) ?? record;
    if (current.offer) return current;
    const view = await onboardingView(deps, current);
    const message = { id: offerDelivery(record.channel), place: { ...leads, since: current.offeredAt }, ttlMs: TRIED_TTL_MS };
    const { messageId } = await lookThenSend(deps, message, (tag) => deps.onboarding.gateway.offer(leads, view, tag));
    if (!messageId) return current;
    const offer = { channel: leads, messageId };
    return deps.onboarding.store.update(channelName(record.channel), (now) => {
      const next = { ...(now ?? current), offer };
      return { next, result: next };
    });
  });
}
