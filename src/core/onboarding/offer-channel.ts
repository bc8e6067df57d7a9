import type { CoreDeps } from '../deps.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import type { ChannelOnboarding, OfferReason, OnboardingPorts } from '../ports/onboarding.js';
import { channelStanding, leadsChannel } from './channel-directory.js';
import { onboardingView } from './onboarding-view.js';

type OnboardingDeps = CoreDeps & { onboarding: OnboardingPorts };

export type OfferOutcome = 'offered' | 'already_offered' | 'mapped' | 'internal' | 'off';

/** The lock under which a channel's leads' message is posted and its mapping changed, on every instance. */
export const onboardingLock = (ref: ChannelRef) => `onboard:${channelName(ref)}`;

/**
 * Baton is in a channel no account maps (it was invited, the channel was shared, or a customer wrote
 * there): the leads are asked, once per channel, to map it. `title` names it for them where its id
 * says nothing (a Teams team or chat). Baton's own channels are never offered.
 */
export async function offerChannel(deps: CoreDeps, ref: ChannelRef, reason: OfferReason, title?: string): Promise<OfferOutcome> {
  if (!deps.onboarding) return 'off';
  const standing = await channelStanding(deps, ref);
  if (standing.kind === 'account') return 'mapped';
  if (standing.kind === 'internal') return 'internal';
  const withPorts = deps as OnboardingDeps;
  if (standing.kind === 'onboarding') {
    await ensureOffer(withPorts, standing.record);
    return 'already_offered';
  }
  const fresh: ChannelOnboarding = { channel: { platform: ref.platform, channel: ref.channel }, ...(title ? { title } : {}), status: 'offered', reason, offeredAt: deps.clock.now(), held: 0 };
  const record = await deps.onboarding.store.update(channelName(ref), (current) => (current ? { result: current } : { next: fresh, result: fresh }));
  if (record === fresh) deps.log.info({ channel: ref.channel, platform: ref.platform, reason }, 'channel mapped to no account; asking the leads to map it');
  await ensureOffer(withPorts, record);
  return record === fresh ? 'offered' : 'already_offered';
}

/**
 * Posts the leads' message if it never went out (the platform refused it, or the process stopped first), so a
 * later event or message in the channel tries again. Returns the record as it now stands.
 */
export async function ensureOffer(deps: OnboardingDeps, record: ChannelOnboarding): Promise<ChannelOnboarding> {
  if (record.offer) return record;
  const leads = leadsChannel(deps.policy, (platform) => deps.onboarding.gateway.asksLeadsOn(platform));
  if (!leads) return record;
  return deps.locks.run(onboardingLock(record.channel), async () => {
    const current = (await deps.onboarding.store.get(channelName(record.channel))) ?? record;
    if (current.offer) return current;
    let messageId: string;
    try {
      messageId = await deps.onboarding.gateway.offer(leads, await onboardingView(deps, current));
    } catch (err) {
      deps.log.warn({ err, channel: record.channel.channel }, 'could not tell the leads about a new channel; trying again at its next event or message');
      return current;
    }
    const offer = { channel: leads, messageId };
    return deps.onboarding.store.update(channelName(record.channel), (now) => {
      const next = { ...(now ?? current), offer };
      return { next, result: next };
    });
  });
}
