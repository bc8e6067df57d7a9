import type { CoreDeps } from '../deps.js';
import { fillCopy } from '../handoff/customer-copy.js';
import type { ChannelOnboarding, OnboardingView } from '../ports/onboarding.js';
import { findAccount } from './channel-directory.js';

/** What the leads' message shows about a channel, from its record and its account. */
export async function onboardingView(deps: Pick<CoreDeps, 'policy' | 'onboarding'>, record: ChannelOnboarding): Promise<OnboardingView> {
  const account = record.accountId ? await findAccount(deps, record.accountId) : undefined;
  return {
    channel: record.channel,
    ...(record.title ? { title: record.title } : {}),
    status: record.status,
    reason: record.reason,
    held: record.held,
    ...(account ? { account: { name: account.name, tier: account.tier, ...(account.crm_url ? { crmUrl: account.crm_url } : {}) } } : {}),
    ...(record.mappedBy ? { mappedBy: record.mappedBy } : {}),
    ...(record.approvedBy ? { approvedBy: record.approvedBy } : {}),
    ...(record.intro ? { intro: record.intro } : {}),
  };
}

/** The introduction a lead is first shown for an account, from `onboarding.intro`. */
export function proposedIntro(deps: Pick<CoreDeps, 'policy'>, accountName: string): string {
  return fillCopy(deps.policy.onboarding.intro, { account: accountName, vendor: deps.policy.vendor.name });
}

/** Brings the leads' message up to date; the state change stands even when the platform refuses the update. */
export async function refreshOffer(deps: Pick<CoreDeps, 'log' | 'onboarding' | 'policy'>, record: ChannelOnboarding): Promise<void> {
  if (!deps.onboarding || !record.offer) return;
  try {
    await deps.onboarding.gateway.updateOffer(record.offer, await onboardingView(deps, record));
  } catch (err) {
    deps.log.warn({ err, channel: record.channel.channel }, 'could not update the leads\u2019 message about a new channel');
  }
}
