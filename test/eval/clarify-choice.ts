import type { EvalItem } from './labelled-set.js';
import type { TriageLine } from './scores.js';

export interface ClarifyTally {
  asked: number;
  /** The labelled reading was among the two offered, and the customer picked it. */
  picked: number;
  /** Neither reading was the labelled one: the customer took "Something else / talk to a person". */
  other: number;
  answered: number;
  escalated: number;
}

const bare = (s: string) => s.slice(s.lastIndexOf(':') + 1).toLowerCase();

/**
 * A replay cannot click, so the eval plays the customer, who knows what they meant: of the readings a
 * clarifying question offers, they pick the one of the labelled intent (for an item without one, the one
 * of the labelled category); when neither reading is theirs they press "Something else / talk to a
 * person", which hands the conversation to a person. The item is then scored as the decision that follows.
 */
export function answerClarifications(items: readonly EvalItem[], lines: ReadonlyMap<string, TriageLine>): { lines: Map<string, TriageLine>; tally: ClarifyTally } {
  const tally: ClarifyTally = { asked: 0, picked: 0, other: 0, answered: 0, escalated: 0 };
  const out = new Map(lines);
  for (const item of items) {
    const line = lines.get(item.id);
    if (line?.action !== 'clarify' || !line.readings) continue;
    tally.asked++;
    const intent = item.expected_kb_intent ? bare(item.expected_kb_intent) : undefined;
    const pick = intent ? line.readings.find((r) => bare(r.topic) === intent) : line.readings.find((r) => r.category === item.expected_category);
    if (pick) tally.picked++;
    else tally.other++;
    const decided: TriageLine = pick ? { ...line, ...pick.ifPicked } : { ...line, action: 'escalate' };
    if (decided.action === 'escalate') tally.escalated++;
    else if (decided.action === 'answer') tally.answered++;
    out.set(item.id, decided);
  }
  return { lines: out, tally };
}

export function formatTally(t: ClarifyTally): string {
  return `clarifying questions ${t.asked}: the labelled reading offered and picked ${t.picked}, "something else / talk to a person" ${t.other}; then answered ${t.answered}, escalated ${t.escalated}`;
}
