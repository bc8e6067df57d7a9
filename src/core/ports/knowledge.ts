import type { Citation, RiskTier } from '../model/decision.js';

/** One turn of a resolved conversation as it was imported. Internal notes never leave the staff side. */
export interface KnowledgeTurn {
  role: 'customer' | 'agent' | 'internal';
  text: string;
}

/**
 * What a helpdesk's own fields say a past conversation went through, each a sign that it needed a
 * person: handed to a person or a higher tier (`escalated`), moved to a second group or tier
 * (`reassigned`), reopened after it was solved (`reopened`), or marked so by a tag or column (`flagged`).
 */
export type HumanEvidence = 'escalated' | 'reassigned' | 'reopened' | 'flagged';

/**
 * Who a published article is for: every customer, the accounts of some tiers, some named accounts, or
 * the vendor's staff only (`internal`: never quoted to a customer). Absent: everyone.
 */
export type Audience = { everyone: true } | { tiers: string[] } | { accounts: string[] } | { internal: true };

/**
 * A unit of knowledge: a resolved conversation (whole thread), a question-only example, a doc section,
 * or a taxonomy example from the policy. Everything the triage learns from is one of these.
 */
export interface KnowledgeEntry {
  id: string;
  kind: 'conversation' | 'doc' | 'example';
  /**
   * What a customer may be shown. `answer`: written or approved for customers (Markdown docs, Q&A files a
   * team marked as answers, resolutions a person on the vendor's team approved). `history`: imported
   * conversations and closed escalations, which teach triage and ground staff-only drafts but are never
   * quoted to a customer. Absent: read as `answer` for docs and `history` for everything else.
   */
  purpose?: 'answer' | 'history';
  /** What the customer asked (customer turns joined), or the doc section's title and lead. */
  question: string;
  /** The resolution a customer may be shown; absent for question-only examples. */
  answer?: string;
  /** The thread, when a source keeps one; `baton kb ingest` keeps only the question and the resolution. Never quoted. */
  turns?: KnowledgeTurn[];
  /**
   * The account whose conversation this was: its resolution is quoted to that account only. Absent on
   * global knowledge (docs, plain examples, and resolutions a lead approved for everyone).
   */
  account?: string;
  /** A lead approved this account's resolution for every customer (`baton kb approve`, /baton review). */
  shared?: { from: string; by: string; at: string };
  category?: string;
  /** Fine-grained topic or intent (a helpdesk tag); entries of one topic vote together. */
  topic?: string;
  /** Set when the entry's own topic sits above its category's usual tier. */
  risk?: RiskTier;
  /** The conversation looked simple but needed a human: an exemplar of hidden complexity. */
  needsHuman?: boolean;
  /** Why needsHuman is set, as the export recorded it; present whenever it is. */
  needsHumanBecause?: HumanEvidence[];
  /** The helpdesk's own tags on the record (lower-cased), for matching the policy's topics. */
  tags?: string[];
  /** Shown to customers as the source: never carries a customer's words. */
  title?: string;
  /** The public article's address, linked under a quoted answer. */
  url?: string;
  /** Where the entry came from: a file, or the id of a knowledge source in the policy. */
  source?: string;
  /** Who may be shown this entry (a synced article's audience); absent: as `account` says. */
  audience?: Audience;
}

/** Who reads what Baton drafts: a customer (answers only), or staff (a copilot draft, grounded in history too). */
export type Reader = 'customer' | 'staff';

export interface KnowledgeHit {
  entry: KnowledgeEntry;
  /** Meaning overlap in [0, 1] between the query and the entry's question. */
  similarity: number;
}

/**
 * Whose text a search is for: the account's, read by a customer (the default) or by staff. Only a staff
 * reader finds internal articles, so nothing a customer is shown (answers, clarifying buttons) is
 * drawn from one.
 */
export interface SearchScope {
  accountId: string;
  limit: number;
  reader?: Reader;
}

/** In-memory search over entries. Scoped: global entries plus the asking account's own, never others'. */
export interface KnowledgeIndex {
  readonly size: number;
  /** Changes whenever entries are added or replaced: what was read from the index before is stale. */
  readonly version?: number;
  search(text: string, scope: SearchScope): KnowledgeHit[];
  /**
   * The entries of one topic the account may see, as the reader (default: customer) may, in the order
   * they were added: where the answer to a recognised question lives. Read lazily: a topic of a large
   * KB holds thousands.
   */
  topicEntries(topic: string, accountId: string, reader?: Reader): Iterable<KnowledgeEntry>;
  /** Those of them whose resolution may ground a text for the reader (`quotable`), the same way. */
  topicAnswers(topic: string, accountId: string, reader: Reader): Iterable<KnowledgeEntry>;
}

/** Where imported knowledge is kept between runs. Upserts by id, so re-importing changes nothing. */
export interface KnowledgeStore {
  loadAll(): Promise<KnowledgeEntry[]>;
  /** Entries are taken one at a time, so an import of any size need not be held in memory. */
  upsert(entries: Iterable<KnowledgeEntry> | AsyncIterable<KnowledgeEntry>): Promise<{ added: number; updated: number; unchanged: number }>;
}

/**
 * The articles a specialist may read about a customer's question, best first: staff-only ones
 * included, the account's audience respected, imported history never. Read from the knowledge, no model.
 */
export interface TeamArticles {
  articlesFor(question: string, accountId: string, limit: number): Citation[];
}
