import type { Policy } from '../../config/policy-schema.js';
import { TopicBook } from '../../core/policy/topic-policy.js';

interface Unlisted {
  /** The policy's own category name when it has one, else the imported label made an id. */
  category: string;
  inPolicy: boolean;
  /** Imported category label -> records, for the comment. */
  from: string;
  topics: Map<string, number>;
  records: number;
}

/** Topics shown per category: the largest, which matter first; `kb stats --all` has the rest. */
const SHOWN = 25;

const asId = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'unlisted';

/**
 * The imported categories and topics the policy does not list (they take the unknown-topic tier), and
 * a YAML snippet for the policy's `categories:` that files them. Empty when the policy knows them all.
 */
export function unlistedTopics(labels: ReadonlyMap<string, number>, policy: Policy): string {
  const book = new TopicBook(policy.categories);
  const categoryOf = new Map(policy.categories.map((c) => [c.name.toLowerCase(), c.name]));
  const groups = new Map<string, Unlisted>();
  for (const [key, n] of labels) {
    const [category = '', topic = ''] = key.split('\u0000');
    if (topic && book.find(topic)) continue;
    const label = category || policy.triage.unknown_category;
    const known = categoryOf.get(label.toLowerCase()) ?? categoryOf.get(asId(label));
    if (known && !topic) continue;
    const name = known ?? asId(label);
    const g = groups.get(name) ?? { category: name, inPolicy: known !== undefined, from: label, topics: new Map(), records: 0 };
    g.records += n;
    if (topic) g.topics.set(topic, (g.topics.get(topic) ?? 0) + n);
    groups.set(name, g);
  }
  if (groups.size === 0) return '';
  const lines = ['Categories and topics the policy does not list (they take the tier for unknown topics until filed). To file them, under categories: in the policy:'];
  for (const g of [...groups.values()].sort((a, b) => b.records - a.records)) {
    lines.push(`  - name: ${g.category}    # ${g.inPolicy ? 'in the policy: add these topics to it' : `imported category "${g.from}", ${g.records} record(s)`}`);
    if (!g.inPolicy) lines.push('    risk: high');
    if (g.topics.size === 0) continue;
    lines.push('    topics:');
    const topics = [...g.topics].sort((a, b) => b[1] - a[1]);
    for (const [t, n] of topics.slice(0, SHOWN)) lines.push(`      - name: ${JSON.stringify(t)}    # ${n} record(s)`);
    if (topics.length > SHOWN) lines.push(`      # ... and ${topics.length - SHOWN} more topics: npm run baton -- kb stats --all lists them`);
  }
  return lines.join('\n');
}
