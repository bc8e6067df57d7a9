import { queueById } from '../conversation/accounts.js';
import type { LoopDeps } from '../deps.js';
import type { Escalation, EscalationEvent } from '../escalation/escalation.js';
import type { EscalationFacts } from '../metrics/facts.js';
import { humanDuration } from '../handoff/customer-copy.js';
import { withPostedPacket } from './sla-packet.js';

/** Escalations older than this are not swept: their SLA is long gone and already marked. */
const LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

type SlaStep = 'nudged' | 'breached';

/** What is due for an unclaimed escalation now: the breach mention, else the half-SLA nudge, else nothing. */
export function dueSlaStep(e: Pick<EscalationFacts, 'status' | 'openedAt' | 'dueAt' | 'nudgedAt' | 'breachedAt'>, now: number): SlaStep | undefined {
  if (e.status !== 'open') return undefined;
  if (now >= e.dueAt) return e.breachedAt === undefined ? 'breached' : undefined;
  const half = e.openedAt + (e.dueAt - e.openedAt) / 2;
  return now >= half && e.nudgedAt === undefined && e.breachedAt === undefined ? 'nudged' : undefined;
}

/** Records the step in the history once: of two sweepers (two processes) exactly one gets it back. */
function markStep(e: Escalation, step: SlaStep, at: number): Escalation | undefined {
  if (e.status !== 'open' || e.history.some((h) => h.type === step)) return undefined;
  const event: EscalationEvent = { type: step, at };
  return { ...e, history: [...e.history, event] };
}

/** Takes back a mark whose reminder could not be posted. Only the marker's own: a step is marked once. */
function unmarkStep(e: Escalation, step: SlaStep, at: number): Escalation | undefined {
  const history = e.history.filter((h) => !(h.type === step && h.at === at));
  return history.length === e.history.length ? undefined : { ...e, history };
}

function reminderText(step: SlaStep, e: Escalation): string {
  const minutes = Math.round((e.dueAt - e.openedAt) / 60_000);
  // A copilot customer was promised nothing: what waits is the review of Baton's draft.
  if (e.draft && step === 'nudged') return `Half of this draft's ${minutes}-minute SLA has passed and nobody has reviewed it; the customer has had no answer yet. Send it, edit it or discard it.`;
  if (e.draft) return `SLA breached: the customer has waited ${humanDuration(minutes)} for an answer and Baton's draft is still not reviewed.`;
  if (step === 'nudged') return `Half of this escalation's ${minutes}-minute SLA has passed and nobody has claimed it yet. Press Claim to take it.`;
  return `SLA breached: the customer was promised a reply within ${humanDuration(minutes)} and this escalation is still unclaimed.`;
}

/**
 * Posts one reminder and records it. The mark goes in first, under the escalation's lock, because that
 * lock is the only thing that lets exactly one of two sweepers post; marking after the post would let
 * both post. A post that fails takes its mark back, so the next sweep tries again and the history never
 * claims a reminder nobody saw. A crash between mark and post loses that one reminder: the price of
 * never sending it twice.
 */
async function runStep(deps: LoopDeps, id: string, step: SlaStep, now: number): Promise<boolean> {
  const escalation = await withPostedPacket(deps, id);
  if (escalation?.status !== 'open') return false;
  const packet = escalation.packet;
  if (!packet) {
    deps.log.warn({ escalationId: id, step }, 'SLA reminder due but the handoff packet could not be posted; next sweep tries again');
    return false;
  }
  const marked = await deps.escalations.update(id, (current) => {
    const next = markStep(current, step, now);
    return { next, result: next };
  });
  if (!marked) return false;
  const mentions = step === 'breached' ? (queueById(deps.policy, marked.queueId)?.leads ?? []) : [];
  try {
    await deps.loop.notify.remind(packet, reminderText(step, marked), mentions);
  } catch (err) {
    await deps.escalations.update(id, (current) => ({ next: unmarkStep(current, step, now), result: undefined }));
    throw err;
  }
  deps.log.info({ escalationId: id, step, mentions }, step === 'nudged' ? 'SLA nudge sent' : 'SLA breach reported');
  return true;
}

/** Nudges the specialist thread at half the SLA and mentions the queue's leads at breach. */
export async function sweepSla(deps: LoopDeps, now: number): Promise<{ nudged: number; breached: number }> {
  const open = (await deps.loop.facts.escalationsOpened(now - LOOKBACK_MS, now + 1)).filter((e) => e.status === 'open');
  const done = { nudged: 0, breached: 0 };
  for (const e of open) {
    const step = dueSlaStep(e, now);
    if (!step) continue;
    try {
      if (await runStep(deps, e.id, step, now)) done[step]++;
    } catch (err) {
      deps.log.error({ err, escalationId: e.id, step }, 'SLA reminder failed');
    }
  }
  return done;
}
