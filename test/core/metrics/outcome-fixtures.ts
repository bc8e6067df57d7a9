import type { ConversationFacts, EscalationFacts, FactKind } from '../../../src/core/metrics/facts.js';
import type { OutcomeRules } from '../../../src/core/metrics/outcomes.js';
import type { TriggerType } from '../../../src/core/model/decision.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2025, 0, 6, 9);
export const RULES: OutcomeRules = { quietAfterMs: 24 * HOUR, reopenWindowMs: 7 * DAY, heldMs: 7 * DAY };

/** A conversation from a list of [minutes after T0, kind] turns. */
export function conversation(turns: [number, FactKind][], o: { key?: string; category?: string } = {}): ConversationFacts {
  const at: Record<FactKind, number[]> = { customer: [], thanks: [], bot: [], staff: [] };
  for (const [minutes, kind] of turns) at[kind].push(T0 + minutes * MIN);
  const category = o.category === undefined ? 'how_to' : o.category;
  return { key: o.key ?? 'slack:C1:1.0', accountId: 'acme', createdAt: T0, ...(category ? { category } : {}), at };
}

export function escalation(trigger: TriggerType, openedMin: number, o: Partial<Omit<EscalationFacts, 'trigger'>> & { resolvedMin?: number; claimedMin?: number } = {}): EscalationFacts {
  const { resolvedMin, claimedMin, ...rest } = o;
  return {
    id: `E-${openedMin}`,
    conversationKey: 'slack:C1:1.0',
    accountId: 'acme',
    queueId: 'support',
    category: 'billing',
    trigger,
    status: resolvedMin !== undefined ? 'resolved' : claimedMin !== undefined ? 'claimed' : 'open',
    openedAt: T0 + openedMin * MIN,
    dueAt: T0 + (openedMin + 240) * MIN,
   
    ...(claimedMin !== undefined ? { claimedAt: T0 + claimedMin * MIN } : {}),
    ...(resolvedMin !== undefined ? { resolvedAt: T0 + resolvedMin * MIN } : {}),
    ...rest,
  };
}
