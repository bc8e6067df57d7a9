import { lookThenSend } from '../delivery/deliver-once.js';
import type { CoreDeps } from '../deps.js';
import { isLead } from '../metrics/leads.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import type { ChannelOnboarding } from '../ports/onboarding.js';
import { findAccount } from './channel-directory.js';
import { onboardingLock } from './offer-channel.js';
import { proposedIntro, refreshOffer } from './onboarding-view.js';

export type IntroRefusal = 'not_lead' | 'not_mapped' | 'already_live' | 'empty' | 'not_posted';

export type IntroForm = { ok: true; channel: ChannelRef; title?: string; account: string; intro: string } | { ok: false; reason: IntroRefusal };

/** The introduction a lead reviews for a mapped channel, before anything is said there. */
export async function introForm(deps: Pick<CoreDeps, 'onboarding' | 'policy'>, ref: ChannelRef, lead: string): Promise<IntroForm> {
  if (!isLead(deps.policy, lead)) return { ok: false, reason: 'not_lead' };
  const record = await deps.onboarding?.store.get(channelName(ref));
  if (record?.status === 'live') return { ok: false, reason: 'already_live' };
  const account = record?.accountId ? await findAccount(deps, record.accountId) : undefined;
  if (record?.status !== 'mapped' || !account) return { ok: false, reason: 'not_mapped' };
  return { ok: true, channel: record.channel, ...(record.title ? { title: record.title } : {}), account: account.name, intro: proposedIntro(deps, account.name) };
}

/** Kept while a lead may press Approve again after a post whose answer was lost. */
const TRIED_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The consent gate opens: a lead approved the introduction (as shown, or edited). It is posted in the
 * channel first, as one delivery per channel; only once it is there does the channel go live and Baton
 * answer its customers. When the post fails, nothing changes and the lead is told, and can try again: an
 * introduction whose post went out unconfirmed is looked for first, so it is never posted twice where the
 * platform can look.
 */
export async function approveIntro(deps: Pick<CoreDeps, 'gateway' | 'locks' | 'log' | 'onboarding' | 'once' | 'policy'>, ref: ChannelRef, lead: string, text: string): Promise<{ ok: true } | { ok: false; reason: IntroRefusal }> {
  if (!isLead(deps.policy, lead)) return { ok: false, reason: 'not_lead' };
  const intro = text.trim();
  if (!intro) return { ok: false, reason: 'empty' };
  const onboarding = deps.onboarding;
  if (!onboarding) return { ok: false, reason: 'not_mapped' };
  return deps.locks.run(onboardingLock(ref), async () => {
    const record = await onboarding.store.get(channelName(ref));
    if (record?.status === 'live') return { ok: false, reason: 'already_live' };
    if (record?.status !== 'mapped') return { ok: false, reason: 'not_mapped' };
    const message = { id: `intro:${channelName(ref)}`, place: { ...record.channel, since: record.offeredAt }, ttlMs: TRIED_TTL_MS };
    try {
      await lookThenSend(deps, message, (tag) => onboarding.gateway.postIntro(record.channel, intro, tag));
    } catch (err) {
      deps.log.warn({ err, channel: ref.channel }, 'the introduction could not be posted; the channel stays quiet');
      return { ok: false, reason: 'not_posted' };
    }
    const live: ChannelOnboarding = { ...record, status: 'live', intro, approvedBy: lead };
    await onboarding.store.update(channelName(ref), () => ({ next: live, result: undefined }));
    deps.log.info({ channel: ref.channel, account: record.accountId, lead }, 'introduction approved and posted; Baton answers in this channel from now on');
    await refreshOffer(deps, live);
    return { ok: true };
  });
}
