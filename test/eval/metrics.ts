/** Gold and predicted actions of one eval item, in the triage-dev vocabulary. */
export type Action3 = 'answer' | 'answer_low_threshold' | 'escalate';

export interface Scored {
  id: string;
  tier: 'low' | 'medium' | 'high';
  gold: Action3;
  predicted: Action3;
}

export interface Report {
  n: number;
  accuracy3: number;
  accuracy2: number;
  /** Share of gold-escalate items that were answered outright: the worst error. */
  escalateAnswered: number;
  escalate: { precision: number; recall: number };
  byTier: Record<string, { n: number; precision: number; recall: number }>;
  confusion: Record<Action3, Record<Action3, number>>;
}

const ACTIONS: Action3[] = ['answer', 'answer_low_threshold', 'escalate'];
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function prf(items: Scored[]): { precision: number; recall: number } {
  const tp = items.filter((s) => s.gold === 'escalate' && s.predicted === 'escalate').length;
  const predicted = items.filter((s) => s.predicted === 'escalate').length;
  const gold = items.filter((s) => s.gold === 'escalate').length;
  return { precision: ratio(tp, predicted), recall: ratio(tp, gold) };
}

export function score(items: Scored[]): Report {
  const confusion = Object.fromEntries(ACTIONS.map((g) => [g, Object.fromEntries(ACTIONS.map((p) => [p, 0]))])) as Report['confusion'];
  for (const s of items) confusion[s.gold][s.predicted]++;
  const two = (a: Action3) => (a === 'escalate' ? 'escalate' : 'answer');
  const goldEsc = items.filter((s) => s.gold === 'escalate');
  const byTier: Report['byTier'] = {};
  for (const tier of ['low', 'medium', 'high'] as const) {
    const t = items.filter((s) => s.tier === tier);
    byTier[tier] = { n: t.length, ...prf(t) };
  }
  return {
    n: items.length,
    accuracy3: ratio(items.filter((s) => s.gold === s.predicted).length, items.length),
    accuracy2: ratio(items.filter((s) => two(s.gold) === two(s.predicted)).length, items.length),
    escalateAnswered: ratio(goldEsc.filter((s) => s.predicted !== 'escalate').length, goldEsc.length),
    escalate: prf(items),
    byTier,
    confusion,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatReport(title: string, r: Report): string {
  const head = ['gold \\ predicted', ...ACTIONS];
  const w = Math.max(...head.map((h) => h.length));
  const row = (cells: string[]) => cells.map((c) => c.padStart(w)).join('  ');
  return [
    `== ${title} (${r.n} items)`,
    `decision accuracy: 2-class ${pct(r.accuracy2)}, 3-action ${pct(r.accuracy3)}`,
    `escalate: precision ${pct(r.escalate.precision)}, recall ${pct(r.escalate.recall)}; must-escalate answered outright ${pct(r.escalateAnswered)}`,
    ...Object.entries(r.byTier).map(([t, v]) => `  ${t.padEnd(6)} tier (${v.n}): escalate precision ${pct(v.precision)}, recall ${pct(v.recall)}`),
    'confusion matrix:',
    row(head),
    ...ACTIONS.map((g) => row([g, ...ACTIONS.map((p) => String(r.confusion[g][p]))])),
  ].join('\n');
}
