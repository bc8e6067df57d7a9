import type { CategoryPolicy } from '../../config/policy-schema.js';
import type { RiskTier } from '../model/decision.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';

/** A topic the policy names: the category it belongs to, its tier, and whether a person always takes it. */
export interface PolicyTopic {
  name: string;
  category: string;
  risk: RiskTier;
  alwaysEscalate: boolean;
  /** Named with a trailing `*`: covers every topic that starts with the rest. */
  prefix: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();
/** "zendesk:refund" -> "refund": helpdesks and taxonomies qualify topic names by their source, or not. */
const bare = (s: string) => s.slice(s.lastIndexOf(':') + 1);

/**
 * The policy's topics, found by the name an imported record or a classifier class carries. A policy
 * topic `source:name` matches records tagged `source:name` or just `name` (and the reverse), a topic
 * ending in `*` matches every name starting with the rest; case does not matter.
 */
export class TopicBook {
  private readonly exact = new Map<string, PolicyTopic>();
  private readonly byBare = new Map<string, PolicyTopic>();
  private readonly prefixes: PolicyTopic[] = [];
  private readonly found = new Map<string, PolicyTopic | undefined>();

  constructor(
    categories: readonly CategoryPolicy[],
    /** The tier of a topic the policy does not list (`triage.unknown_topic_risk`), stamped on its entries when given. */
    private readonly unlistedRisk?: RiskTier,
  ) {
    for (const c of categories) {
      for (const t of c.topics) {
        const name = norm(t.name);
        const topic: PolicyTopic = { name: t.name, category: c.name, risk: t.risk ?? c.risk, alwaysEscalate: t.always_escalate, prefix: name.endsWith('*') };
        if (topic.prefix) this.prefixes.push({ ...topic, name: name.slice(0, -1) });
        else {
          this.exact.set(name, topic);
          if (!this.byBare.has(bare(name))) this.byBare.set(bare(name), topic);
        }
      }
    }
  }

  get size(): number {
    return this.exact.size + this.prefixes.length;
  }

  find(topic: string | undefined): PolicyTopic | undefined {
    if (topic === undefined || this.size === 0) return undefined;
    if (this.found.has(topic)) return this.found.get(topic);
    const name = norm(topic);
    const hit = this.exact.get(name) ?? this.byBare.get(bare(name)) ?? this.prefixes.find((p) => name.startsWith(p.name));
    this.found.set(topic, hit);
    return hit;
  }

  /**
   * Where the policy puts an entry: a topic it names gives its category and tier (and one class name, so
   * the policy's examples and the records of a topic teach one class). Once the policy lists topics, it
   * is the list of what Baton may answer: a topic it does not name, in records that carry no category
   * either, is filed under `unlisted` (the unknown category), at the tier for unknown topics. Anything
   * else keeps its own labels.
   */
  file(entry: KnowledgeEntry, unlisted: string): KnowledgeEntry {
    const t = this.find(entry.topic);
    if (!t && entry.topic !== undefined && !entry.category && this.size > 0) return { ...entry, category: unlisted, ...(this.unlistedRisk ? { risk: this.unlistedRisk } : {}) };
    if (!t) return entry;
    return { ...entry, topic: t.prefix ? entry.topic! : t.name, category: t.category, risk: t.risk };
  }
}
