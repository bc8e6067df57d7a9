import { deliverOnce } from '../delivery/deliver-once.js';
import type { LoopDeps } from '../deps.js';
import { loadFeedbackReview } from '../feedback/content-gaps.js';
import { loadReport } from '../metrics/load-report.js';
import { parseChannelName } from '../model/conversation-ref.js';
import { latestDigestSlot } from './digest-schedule.js';

/** A digest missed by more than this (Baton was down) is skipped rather than sent late. */
const LATE_LIMIT_MS = 6 * 60 * 60 * 1000;
const SENT_TTL_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * Posts the weekly digest to the leads' channel once per slot, whichever process sweeps first: a message
 * of no conversation, recorded by its slot (deliverOnce), so a failed or interrupted post is tried again
 * at the next sweeps until the slot is too late, looked for first where the platform can.
 */
export async function sweepDigest(deps: Pick<LoopDeps, 'clock' | 'gateway' | 'locks' | 'log' | 'loop' | 'once' | 'policy'>, now: number): Promise<boolean> {
  const { digest, leads_channel: channel } = deps.policy;
  if (!digest.enabled || !channel) return false;
  const slot = latestDigestSlot(now, digest);
  if (now - slot > LATE_LIMIT_MS) return false;
  const leads = parseChannelName(channel);
  const outcome = await deliverOnce(deps, { id: `digest:${slot}`, place: { ...leads, since: slot }, ttlMs: SENT_TTL_MS }, async (tag) => {
    const [report, review] = await Promise.all([loadReport(deps, { days: 7 }), loadFeedbackReview(deps.loop.feedback, now, 7)]);
    return deps.loop.notify.postDigest(leads, { ...report, gaps: review.gaps }, tag);
  });
  if (outcome === 'sent' || outcome === 'found') deps.log.info({ channel, slot: new Date(slot).toISOString(), outcome }, 'weekly digest posted');
  return outcome === 'sent';
}
