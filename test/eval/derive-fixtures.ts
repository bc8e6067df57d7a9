/**
 * Derives the eval fixtures in test/fixtures/triage from the shared triage-dev set and its train-side
 * sources. Run once by hand (`npx tsx test/eval/derive-fixtures.ts [shared/data]`); the outputs are
 * committed with their licences. Rows equal to a dev item are kept out, so the dev score stays honest.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

const shared = process.argv[2] ?? '/work/shared/data';
const dev = join(shared, 'triage-dev');
const out = new URL('../fixtures/triage/', import.meta.url).pathname;
mkdirSync(join(out, 'licenses'), { recursive: true });

const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
const jsonl = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

for (const f of ['dev.jsonl', 'dev_sentiment.jsonl', 'LICENSES.md']) copyFileSync(join(dev, f), join(out, f));
for (const f of readdirSync(join(dev, 'licenses'))) copyFileSync(join(dev, 'licenses', f), join(out, 'licenses', f));

// Policy per source intent, as the team's taxonomy states it: [tier, action].
const cats = parseYaml(readFileSync(join(dev, 'categories.yaml'), 'utf8')).categories as { name: string; intents: Record<string, [string, string]> }[];
const intentPolicy = new Map<string, { category: string; risk: string; escalate: boolean }>();
for (const c of cats) for (const [k, [risk, action]] of Object.entries(c.intents)) intentPolicy.set(k, { category: c.name, risk, escalate: action === 'escalate' });

const devTexts = new Set<string>();
for (const d of jsonl(join(dev, 'dev.jsonl'))) {
  devTexts.add(norm(d.text));
  for (const t of d.turns ?? []) devTexts.add(norm(t.text));
}

// 1. Resolved conversations, exported as helpdesk threads (JSONL). Banking entries carry no answer text
//    upstream: their reply names the KB intent, as the dev threads' bot turns do.
const threads = jsonl(join(dev, 'kb.jsonl')).map((e) => {
  const topic = `${e.source}:${e.intent}`;
  const p = intentPolicy.get(topic);
  const reply = e.answer ?? `(reply from the knowledge base: ${topic})`;
  const tags = [topic, ...(p?.escalate ? ['needs-human'] : [])];
  return { id: e.id, status: 'solved', category: e.category, topic, ...(p && p.risk === 'high' ? { risk: 'high' } : {}), tags, messages: [{ from: 'customer', text: e.question }, { from: 'agent', text: reply }] };
});
writeFileSync(join(out, 'kb-resolved.jsonl'), `${threads.map((t) => JSON.stringify(t)).join('\n')}\n`);

// 2. Question-only examples (CSV): tagged past questions that teach category, topic and complexity.
const seen = new Set([...devTexts, ...jsonl(join(dev, 'kb.jsonl')).map((e) => norm(e.question))]);
const rows: string[][] = [];
const perKey = new Map<string, number>();
function add(source: string, id: string, text: string, topic: string, category: string, risk: string, needsHuman: boolean, cap: number) {
  if (seen.has(norm(text)) || (perKey.get(topic) ?? 0) >= cap) return;
  seen.add(norm(text));
  perKey.set(topic, (perKey.get(topic) ?? 0) + 1);
  rows.push([`${source}-${id}`, text, category, topic, risk, needsHuman ? 'needs-human' : '']);
}
const banking = parse(readFileSync(join(shared, 'sources/banking77/train.csv'), 'utf8'), { columns: true }) as { text: string; category: string }[];
banking.forEach((r, i) => {
  const p = intentPolicy.get(`banking77:${r.category}`);
  if (p) add('banking77', String(i), r.text, `banking77:${r.category}`, p.category, p.risk, p.escalate, 150);
});
const clinc = JSON.parse(readFileSync(join(shared, 'sources/clinc150/data_train_val.json'), 'utf8')) as Record<string, [string, string][]>;
const domains = JSON.parse(readFileSync(join(shared, 'sources/clinc150/domains.json'), 'utf8')) as Record<string, string[]>;
const domainOf = new Map(Object.entries(domains).flatMap(([d, intents]) => intents.map((i) => [i, d] as const)));
for (const split of ['train', 'oos_train']) {
  clinc[split]!.forEach(([text, intent], i) => {
    const domain = domainOf.get(intent);
    const p = intentPolicy.get(`clinc150:${intent}`) ?? intentPolicy.get(`clinc150:${domain}/*`);
    if (!p) return;
    const cap = intent === 'oos' ? 100 : intentPolicy.has(`clinc150:${intent}`) ? 40 : 6;
    add(`clinc150-${split}`, String(i), text, `clinc150:${intent}`, p.category, p.risk, p.escalate, cap);
  });
}
const privacy = parse(readFileSync(join(shared, 'sources/privacyqa-opp115/train_opp_annotations.csv'), 'utf8'), { columns: true, delimiter: '\t', relax_quotes: true }) as Record<string, string>[];
for (const r of privacy) {
  const flagged = ['first', 'third', 'datasecurity', 'dataretention', 'user_access', 'user_choice'].some((k) => r[k] === '1');
  if (flagged) add('privacyqa', r.QueryID!.replace(/\s+/g, '_'), r.Query!, 'privacyqa-opp115:question', 'data_privacy_security', 'high', true, 400);
}
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const header = ['id', 'question', 'category', 'topic', 'risk', 'tags'];
writeFileSync(join(out, 'kb-examples.csv'), `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
console.log(`threads=${threads.length} examples=${rows.length}`);
