import type { EvalItem } from './labelled-set.js';

/** One `baton triage` output line, the fields the eval reads. */
export interface TriageLine {
  id: string;
  action: 'answer' | 'escalate' | 'ignore' | 'clarify';
  category: string;
  risk: 'low' | 'medium' | 'high';
  loop: boolean;
  /** A clarifying question's readings, each with the decision that follows the customer's pick. */
  readings?: { topic: string; category: string; ifPicked: Pick<TriageLine, 'action' | 'category' | 'risk'> }[];
}

export interface Scores {
  n: number;
  accuracy2: number;
  accuracy3: number;
  highRecall: number;
  escalateAnswered: number;
  macroF1: number;
  f1: Map<string, number>;
  loopRecall: number;
  loopFalsePositives: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Baton's action in the labels' vocabulary: an answer at the medium tier is the stricter-threshold answer. */
function action3(l: TriageLine): string {
  if (l.action === 'escalate') return 'escalate';
  return l.action === 'answer' && l.risk === 'medium' ? 'answer_low_threshold' : 'answer';
}

function macroF1(pairs: [string, string][]): Map<string, number> {
  const f1 = new Map<string, number>();
  for (const c of new Set(pairs.map(([g]) => g))) {
    const tp = pairs.filter(([g, p]) => g === c && p === c).length;
    const precision = ratio(tp, pairs.filter(([, p]) => p === c).length);
    const recall = ratio(tp, pairs.filter(([g]) => g === c).length);
    f1.set(c, precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
  }
  return f1;
}

export function score(items: readonly EvalItem[], lines: ReadonlyMap<string, TriageLine>): Scores {
  const scored = items.map((item) => ({ item, line: lines.get(item.id) })).filter((x): x is { item: EvalItem; line: TriageLine } => x.line !== undefined);
  const esc = (l: TriageLine) => l.action === 'escalate';
  const mustEscalate = scored.filter((s) => s.item.expected_action === 'escalate');
  const high = scored.filter((s) => s.item.risk_tier === 'high');
  const threads = scored.filter((s) => s.item.kind === 'thread');
  const loops = threads.filter((s) => s.item.loop);
  const f1 = macroF1(scored.map((s) => [s.item.expected_category, s.line.category]));
  return {
    n: scored.length,
    accuracy2: ratio(scored.filter((s) => esc(s.line) === (s.item.expected_action === 'escalate')).length, scored.length),
    accuracy3: ratio(scored.filter((s) => action3(s.line) === s.item.expected_action).length, scored.length),
    highRecall: ratio(high.filter((s) => esc(s.line)).length, high.length),
    escalateAnswered: ratio(mustEscalate.filter((s) => !esc(s.line)).length, mustEscalate.length),
    macroF1: [...f1.values()].reduce((a, b) => a + b, 0) / Math.max(1, f1.size),
    f1,
    loopRecall: ratio(loops.filter((s) => s.line.loop).length, loops.length),
    loopFalsePositives: ratio(threads.filter((s) => !s.item.loop && s.line.loop).length, threads.length - loops.length),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatScores(title: string, s: Scores): string {
  return [
    `== ${title} (${s.n} items)`,
    `answer vs escalate accuracy ${pct(s.accuracy2)}; three actions ${pct(s.accuracy3)}`,
    `high-risk escalation recall ${pct(s.highRecall)}; must-escalate items answered outright ${pct(s.escalateAnswered)}`,
    `category macro-F1 ${s.macroF1.toFixed(3)}: ${[...s.f1].map(([c, f]) => `${c} ${f.toFixed(2)}`).join(', ')}`,
    `loop recall ${pct(s.loopRecall)} at ${pct(s.loopFalsePositives)} false positives`,
  ].join('\n');
}
