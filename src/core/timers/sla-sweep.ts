import { queueById } from '../conversation/accounts.js';
import type { LoopDeps } from '../deps.js';
import type { Escalation, EscalationEvent } from '../escalation/escalation.js';
import type { QueuePolicy } from '../../config/policy-schema.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';
import { refreshPacket } from '../escalation/publish-packet.js';
import { humanDuration } from '../handoff/customer-copy.js';
import { slaLabel } from '../hours/queue-sla.js';
import { escalationFacts } from '../metrics/facts.js';
import { withPostedPacket } from './sla-packet.js';
import { moveToBackup } from './sla-move.js';
import { dueSlaStep, type SlaStep } from './sla-step.js';

/** Escalations older than this are not swept: their SLA is long gone and already marked. */
const LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

/** Records the step in the history once: of two sweepers (two processes) exactly one gets it back. */
function markStep(e: Escalation, step: SlaStep, at: number, queue: QueuePolicy | undefined): Escalation | undefined {
  if (dueSlaStep(escalationFacts(e), at, queue) !== step) return undefined;
  const event: EscalationEvent = { type: step, at };
  return { ...e, history: [...e.history, event] };
}

/** Takes back a mark whose reminder could not be posted. Only the marker's own: a step is marked once. */
function unmarkStep(e: Escalation, step: SlaStep, at: number): Escalation | undefined {
  const history = e.history.filter((h) => !(h.type === step && h.at === at));
  return history.length === e.history.length ? undefined : { ...e, history };
}

function reminderText(step: SlaStep, e: Escalation, queue: QueuePolicy | undefined): string {
  const sla = queue ? slaLabel(queue) : humanDuration(Math.round((e.dueAt - e.openedAt) / 60_000));
  // A copilot customer was promised nothing: what waits is the review of Baton's draft.
  if (e.draft && step === 'nudged') return `Half the time this draft may wait (${sla}) has passed and nobody has reviewed it; the customer has had no answer yet. Send it, edit it or discard it.`;
  if (e.draft) return `SLA breached: the customer has waited ${sla} for an answer and Baton's draft is still not reviewed.`;
  if (step === 'nudged') return `Half the time promised to the customer (${sla}) has passed and nobody has claimed this yet. Press Claim to take it.`;
  return `SLA breached: the customer was promised a reply within ${sla} and this escalation is still unclaimed.`;
}

/**
 * Marks one reminder and records it in the conversation's outbox, where the delivery runner posts it
 * under the packet at once (retried until it lands, and looked for before any retry). The mark goes in
 * first, under the escalation's lock, because that lock is the only thing that lets exactly one of two
 * sweepers record it. A record that fails takes its mark back, so the next sweep tries again. A crash
 * between mark and record loses that one reminder: the price of never sending it twice. Done, it names
 * the escalation whose packet should now show the breach (a move to a backup queue updates its own).
 */
async function runStep(deps: LoopDeps, id: string, step: SlaStep, now: number): Promise<{ refresh?: Escalation } | false> {
  const escalation = await withPostedPacket(deps, id);
  if (escalation?.status !== 'open') return false;
  const packet = escalation.packet;
  if (!packet) {
    deps.log.warn({ escalationId: id, step }, 'SLA reminder due but the handoff packet could not be posted; next sweep tries again');
    return false;
  }
  const queue = queueById(deps.policy, escalation.queueId);
  // A copilot draft stays in its queue: its customer was promised nothing, so nothing is moved or re-promised.
  const backup = step === 'breached' && !escalation.draft && !escalation.movedFrom && queue?.backup ? queueById(deps.policy, queue.backup) : undefined;
  if (queue && backup) return (await moveToBackup(deps, escalation, queue, backup, now)) && {};
  const marked = await deps.escalations.update(id, (current) => {
    const next = markStep(current, step, now, queue);
    return { next, result: next };
  });
  if (!marked) return false;
  const mentions = step === 'breached' ? (queue?.leads ?? []) : [];
  const reminder = { id: `${id}:${step}:${now}`, kind: 'note' as const, escalationId: id, text: reminderText(step, marked, queue), createdAt: now, mentions };
  const unmark = () => deps.escalations.update(id, (current) => ({ next: unmarkStep(current, step, now), result: undefined }));
  const recorded = await recordDeliveries(deps, marked.conversation, [reminder]).catch(async (err: unknown) => {
    await unmark();
    throw err;
  });
  if (!recorded) {
    await unmark();
    return false;
  }
  deps.log.info({ escalationId: id, step, mentions }, step === 'nudged' ? 'SLA nudge recorded' : 'SLA breach recorded');
  return step === 'breached' ? { refresh: marked } : {};
}

/**
 * Nudges the specialist thread at half the SLA and mentions the queue's leads at breach, in the queue's
 * business time; at breach, a queue with a backup hands the escalation on instead (sla-move.ts).
 */
export async function sweepSla(deps: LoopDeps, now: number): Promise<{ nudged: number; breached: number }> {
  const open = (await deps.loop.facts.escalationsOpened(now - LOOKBACK_MS, now + 1)).filter((e) => e.status === 'open');
  const done = { nudged: 0, breached: 0 };
  const breached: Escalation[] = [];
  for (const e of open) {
    const step = dueSlaStep(e, now, queueById(deps.policy, e.queueId));
    if (!step) continue;
    try {
      const ran = await runStep(deps, e.id, step, now);
      if (!ran) continue;
      done[step]++;
      if (ran.refresh) breached.push(ran.refresh);
    } catch (err) {
      deps.log.error({ err, escalationId: e.id, step }, 'SLA reminder failed');
    }
  }
  // Packets show their breach once every reminder is on its way: updates are paced (50 a minute in Slack).
  for (const e of breached) await refreshPacket(deps, e);
  return done;
}
