import type { ReplayLine } from './replay.js';

function rows(lines: ReplayLine[], key: (l: ReplayLine) => string): string[][] {
  const groups = new Map<string, { n: number; esc: number }>();
  for (const l of lines) {
    const g = groups.get(key(l)) ?? { n: 0, esc: 0 };
    g.n++;
    if (l.action === 'escalate') g.esc++;
    groups.set(key(l), g);
  }
  return [...groups]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([k, g]) => [k, String(g.n), String(g.esc), `${((100 * g.esc) / g.n).toFixed(1)}%`]);
}

export function table(title: string, header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}

/** The would-be escalation rate by category, and how the escalations split by trigger type. */
export function escalationTables(lines: ReplayLine[]): string {
  const all = lines.length;
  const escalated = lines.filter((l) => l.action === 'escalate');
  const byCategory = rows(lines, (l) => l.category);
  byCategory.push(['(all)', String(all), String(escalated.length), all ? `${((100 * escalated.length) / all).toFixed(1)}%` : '-']);
  const triggers = new Map<string, number>();
  for (const l of escalated) triggers.set(l.trigger ?? 'none', (triggers.get(l.trigger ?? 'none') ?? 0) + 1);
  const byTrigger = [...triggers]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => [t, String(n), all ? `${((100 * n) / all).toFixed(1)}%` : '-', `${((100 * n) / escalated.length).toFixed(1)}%`]);
  return [
    table('Would-be escalation rate by category', ['category', 'tickets', 'escalated', 'rate'], byCategory),
    '',
    table('Escalations by trigger type', ['trigger', 'escalated', 'of tickets', 'of escalations'], byTrigger),
  ].join('\n');
}
