import { queueById } from '../conversation/accounts.js';
import type { LoopDeps } from '../deps.js';
import type { Escalation, EscalationEvent } from '../escalation/escalation.js';
import type { EscalationFacts } from '../metrics/facts.js';

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

/** Records the step in the history once: of two sweepers (two processes) exactly one gets `true`. */
function markStep(e: Escalation, step: SlaStep, at: number): Escalation | undefined {
  if (e.status !== 'open' || e.history.some((h) => h.type === step)) return undefined;
  const event: EscalationEvent = { type: step, at };
  return { ...e, history: [...e.history, event] };
}

function reminderText(step: SlaStep, e: Escalation): string {
  const minutes = Math.round((e.dueAt - e.openedAt) / 60_000);
  if (step === 'nudged') return `Half of this escalation's ${minutes}-minute SLA has passed and nobody has claimed it yet. Press Claim to take it.`;
  return `SLA breached: the customer was promised a reply within ${minutes} minutes and this escalation is still unclaimed.`;
}

async function runStep(deps: LoopDeps, id: string, step: SlaStep, now: number): Promise<boolean> {
  const marked = await deps.escalations.update(id, (current) => {
    const next = markStep(current, step, now);
    return { next, result: next };
  });
  if (!marked?.packet) return false;
  const mentions = step === 'breached' ? (queueById(deps.policy, marked.queueId)?.leads ?? []) : [];
  await deps.loop.notify.remind(marked.packet, reminderText(step, marked), mentions);
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
