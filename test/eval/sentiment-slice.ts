import { readFileSync } from 'node:fs';
import type { Policy } from '../../src/config/policy-schema.js';
import { sentimentLevel } from '../../src/core/policy/thresholds.js';
import { SentimentAnalyzer } from '../../src/core/triage/sentiment.js';

/** How the tone levels fall on the GoEmotions slice: frustration and distress should be flagged, the rest not. */
export function sentimentSlice(policy: Policy, file: string): string {
  const analyzer = new SentimentAnalyzer(policy.triage.sentiment);
  const groups = new Map<string, Map<string, number>>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as { text: string; group: string };
    const level = sentimentLevel(policy.triage, analyzer.analyze(item.text));
    const g = groups.get(item.group) ?? new Map<string, number>();
    g.set(level, (g.get(level) ?? 0) + 1);
    groups.set(item.group, g);
  }
  const levels = ['calm', 'negative', 'urgent', 'frustrated', 'distressed'];
  return [
    '== sentiment slice (GoEmotions comments): tone level by labelled group',
    `${'group'.padEnd(16)}${levels.map((l) => l.padStart(11)).join('')}`,
    ...[...groups].map(([g, m]) => `${g.padEnd(16)}${levels.map((l) => String(m.get(l) ?? 0).padStart(11)).join('')}`),
  ].join('\n');
}
