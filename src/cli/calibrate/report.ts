import type { Thresholds, FoldCheck, Replayed } from './fit.js';
import { outcome, regate } from './fit.js';
import { table } from '../triage/escalation-table.js';

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/** By category: how many past tickets, how many needed a person, what Baton would have done with them. */
function byCategory(items: readonly Replayed[], t: Thresholds, margin: number): string {
  const groups = new Map<string, { n: number; must: number; esc: number; caught: number }>();
  const add = (k: string, must: boolean, esc: boolean) => {
    const g = groups.get(k) ?? { n: 0, must: 0, esc: 0, caught: 0 };
    g.n++;
    if (must) g.must++;
    if (esc) g.esc++;
    if (must && esc) g.caught++;
    groups.set(k, g);
  };
  for (const r of items) {
    const esc = regate(r.decision, t, margin) === 'escalate';
    add(r.ticket.category, r.ticket.mustEscalate, esc);
    add('(all)', r.ticket.mustEscalate, esc);
  }
  const body = [...groups]
    .sort((a, b) => (a[0] === '(all)' ? 1 : b[0] === '(all)' ? -1 : b[1].n - a[1].n))
    .map(([k, g]) => [k, String(g.n), String(g.must), String(g.n - g.esc), String(g.esc), pct(g.esc, g.n), pct(g.caught, g.must)]);
  return table('Replay by category (past tickets; "needed a person" by outcome or policy)', ['category', 'tickets', 'needed a person', 'answered', 'escalated', 'escalation rate', 'of those needing a person'], body);
}

/** Why Baton would have handed over: the trigger type of each escalation. */
function byTrigger(items: readonly Replayed[], t: Thresholds, margin: number): string {
  const counts = new Map<string, { n: number; must: number }>();
  let total = 0;
  for (const r of items) {
    if (regate(r.decision, t, margin) !== 'escalate') continue;
    const k = r.decision.trigger ?? 'low_confidence';
    const c = counts.get(k) ?? { n: 0, must: 0 };
    c.n++;
    if (r.ticket.mustEscalate) c.must++;
    counts.set(k, c);
    total++;
  }
  const body = [...counts].sort((a, b) => b[1].n - a[1].n).map(([k, c]) => [k, String(c.n), pct(c.n, items.length), pct(c.n, total), String(c.must)]);
  return table('Escalations by trigger type', ['trigger', 'escalated', 'of tickets', 'of escalations', 'needed a person'], body);
}

const f2 = (x: number) => x.toFixed(2);

export function formatCalibration(o: { items: readonly Replayed[]; suggested: Thresholds; current: Thresholds; folds: FoldCheck[]; margin: number; target: number }): string {
  const { items, suggested, current, margin } = o;
  const line = (name: string, t: Thresholds) => {
    const r = outcome(items, t, margin);
    return `${name.padEnd(10)} low ${f2(t.low)} medium ${f2(t.medium)}: escalation rate ${pct(r.n - r.answered, r.n)}, needed-a-person handed over ${pct(r.recall * 1000, 1000)}, high-risk handed over ${pct(r.highRecall * 1000, 1000)}, answerable answered ${pct(r.answerRecall * 1000, 1000)}`;
  };
  return [
    byCategory(items, suggested, margin),
    '',
    byTrigger(items, suggested, margin),
    '',
    `Cross-validation (fit on the other folds, check on this one; target: hand over ${pct(o.target * 1000, 1000)} of the tickets that needed a person):`,
    ...o.folds.map((f) => `  fold ${f.fold + 1}: fitted low ${f2(f.fitted.low)} medium ${f2(f.fitted.medium)} -> held out (${f.heldOut.n}): handed over ${pct(f.heldOut.recall * 1000, 1000)} of those needing a person, high-risk ${pct(f.heldOut.highRecall * 1000, 1000)}, answered ${pct(f.heldOut.answerRecall * 1000, 1000)} of the answerable`),
    '',
    line('current', current),
    line('suggested', suggested),
  ].join('\n');
}
