import type { CoreDeps } from '../deps.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import { onboardingLock } from './offer-channel.js';

/**
 * A private channel gets a new id when a share starts (platform-facts §2.3): what the leads did for it
 * (offered, mapped, introduced) follows it to the new id, so nobody maps it twice. A record already
 * under the new id is kept.
 */
export async function moveChannel(deps: Pick<CoreDeps, 'locks' | 'log' | 'onboarding'>, from: ChannelRef, to: ChannelRef): Promise<boolean> {
  const store = deps.onboarding?.store;
  if (!store) return false;
  return deps.locks.run(onboardingLock(from), async () => {
    const record = await store.get(channelName(from));
    if (!record) return false;
    const moved = await store.update(channelName(to), (current) => (current ? { result: false } : { next: { ...record, channel: to }, result: true }));
    if (moved) deps.log.info({ oldChannel: from.channel, newChannel: to.channel, status: record.status, account: record.accountId }, 'channel id changed; its mapping follows it');
    return moved;
  });
}
