import type { LoopDeps } from '../deps.js';
import { loadFeedbackReview } from '../feedback/content-gaps.js';
import { loadReport } from '../metrics/load-report.js';
import { parseChannelName } from '../model/conversation-ref.js';
import { latestDigestSlot } from './digest-schedule.js';

/** A digest missed by more than this (Baton was down) is skipped rather than sent late. */
const LATE_LIMIT_MS = 6 * 60 * 60 * 1000;
const SENT_TTL_MS = 8 * 24 * 60 * 60 * 1000;

/** Posts the weekly digest to the leads' channel once per slot, whichever process sweeps first. */
export async function sweepDigest(deps: LoopDeps, now: number): Promise<boolean> {
  const { digest, leads_channel: channel } = deps.policy;
  if (!digest.enabled || !channel) return false;
  const slot = latestDigestSlot(now, digest);
  if (now - slot > LATE_LIMIT_MS) return false;
  if (!(await deps.once.claimOnce(`digest:${slot}`, SENT_TTL_MS))) return false;
  const [report, review] = await Promise.all([loadReport(deps, { days: 7 }), loadFeedbackReview(deps.loop.feedback, now, 7)]);
  await deps.loop.notify.postDigest(parseChannelName(channel), { ...report, gaps: review.gaps });
  deps.log.info({ channel, slot: new Date(slot).toISOString() }, 'weekly digest posted');
  return true;
}
