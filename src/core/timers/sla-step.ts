import type { QueuePolicy } from '../../config/policy-schema.js';
import { slaHalfway } from '../hours/queue-sla.js';
import type { EscalationFacts } from '../metrics/facts.js';

export type SlaStep = 'nudged' | 'breached';
type StepFacts = Pick<EscalationFacts, 'status' | 'openedAt' | 'dueAt' | 'nudgedAt' | 'breachedAt'>;

/**
 * What is due for an unclaimed escalation now: the breach mention, else the half-SLA nudge, else nothing.
 * A breach that moved the escalation to a backup queue started a new promise (its breach came before
 * the new due time), and that promise gets its own nudge and breach. Half-way counts `queue`'s hours.
 */
export function dueSlaStep(e: StepFacts, now: number, queue?: Pick<QueuePolicy, 'hours'>): SlaStep | undefined {
  if (e.status !== 'open') return undefined;
  const movedAt = e.breachedAt !== undefined && e.breachedAt < e.dueAt ? e.breachedAt : undefined;
  if (now >= e.dueAt) return e.breachedAt === undefined || movedAt !== undefined ? 'breached' : undefined;
  const start = movedAt ?? e.openedAt;
  const nudged = e.nudgedAt !== undefined && e.nudgedAt >= start;
  return now >= slaHalfway(start, e.dueAt, queue) && !nudged && (movedAt !== undefined || e.breachedAt === undefined) ? 'nudged' : undefined;
}
