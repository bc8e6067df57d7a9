/**
 * A team's taxonomy as it is often kept: a YAML list of categories, each with a tier, a description,
 * examples and its topics (intents). Two topic shapes are read: a list of policy topics, or a map
 * `name: [tier, action]` (action `escalate` means a person always takes it). Other keys of a category
 * (counts, notes) are left out and reported, so the policy stays strict.
 */

const CATEGORY_KEYS = new Set(['name', 'risk', 'risk_tier', 'description', 'examples', 'topics', 'intents']);

type Raw = Record<string, unknown>;

export interface TaxonomyCategories {
  categories: Raw[];
  /** Keys of the file's categories that are not part of a policy category, e.g. "items_in_dev". */
  ignored: string[];
}

/** `"bitext:delete_account": [high, escalate]` or `{ risk, always_escalate }` -> a policy topic. */
function topicOf(name: string, v: unknown): Raw {
  if (Array.isArray(v)) {
    const [risk, action] = v as unknown[];
    return { name, ...(risk !== undefined ? { risk } : {}), always_escalate: action === 'escalate' };
  }
  return { name, ...(v && typeof v === 'object' ? (v as Raw) : {}) };
}

/** The file's categories in the policy's shape; the policy schema validates the result. */
export function taxonomyCategories(list: unknown): TaxonomyCategories {
  const ignored = new Set<string>();
  const categories = (Array.isArray(list) ? list : []).map((item) => {
    const c = (item && typeof item === 'object' ? item : {}) as Raw;
    for (const k of Object.keys(c)) if (!CATEGORY_KEYS.has(k)) ignored.add(k);
    const intents = c.intents && typeof c.intents === 'object' ? Object.entries(c.intents as Raw).map(([k, v]) => topicOf(k, v)) : [];
    const topics = [...(Array.isArray(c.topics) ? (c.topics as Raw[]) : []), ...intents];
    return {
      name: c.name,
      risk: c.risk ?? c.risk_tier,
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.examples !== undefined ? { examples: c.examples } : {}),
      ...(topics.length > 0 ? { topics } : {}),
    };
  });
  return { categories, ignored: [...ignored] };
}
