import { toDecisionInput } from '../../src/cli/triage/ticket.js';
import type { Decision } from '../../src/core/model/decision.js';
import type { Decider } from '../../src/core/ports/decider.js';
import type { EvalItem } from './eval-setup.js';
import type { Action3, Scored } from './metrics.js';

export interface Decided {
  item: EvalItem;
  decision: Decision;
  scored: Scored;
}

/** Baton's decision in the labels' vocabulary: an answer at the medium tier is the stricter-threshold answer. */
export function asAction3(d: Pick<Decision, 'action' | 'risk'>): Action3 {
  if (d.action === 'escalate') return 'escalate';
  if (d.action === 'ignore') return 'answer';
  return d.risk === 'medium' ? 'answer_low_threshold' : 'answer';
}

export async function decideAll(decider: Decider, items: EvalItem[]): Promise<Decided[]> {
  const out: Decided[] = [];
  for (const item of items) {
    const input = toDecisionInput({ id: item.id, account: item.account ?? 'acme', text: item.text, ...(item.turns ? { turns: item.turns } : {}) });
    const decision = await decider.decide(input);
    out.push({ item, decision, scored: { id: item.id, tier: item.risk_tier, gold: item.expected_action, predicted: asAction3(decision) } });
  }
  return out;
}
