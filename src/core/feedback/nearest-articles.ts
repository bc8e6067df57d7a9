import { InvertedKnowledgeIndex } from '../answer/knowledge-index.js';
import type { Policy } from '../../config/policy-schema.js';
import type { KnowledgeEntry } from '../ports/knowledge.js';
import type { AnswerReviewSource } from '../ports/loop-ports.js';
import type { GapGroup } from './gap-groups.js';

/** A source's article (section) nearest a content gap's questions, or none when nothing in it comes near. */
export interface NearestArticle {
  source: string;
  article?: { title: string; url?: string; similarity: number };
}

/** For each gap, the nearest article of each source: whether to fix that article or write a new one. */
export type NearestArticles = (gap: GapGroup) => NearestArticle[];

/** Hits looked at per question: deep enough that a small source is not crowded out by a large one. */
const DEPTH = 100;

/**
 * Searches the sources' articles (every audience: the report is for staff) with each of the gap's example
 * questions (its topic when it has none); each source's best hit of any question is its nearest article.
 * One index over every source's articles, so that how rare a word is means the same for each. A source
 * with no article in the knowledge (never synced) is left out rather than said to have none near.
 */
export function nearestArticles(knowledge: readonly KnowledgeEntry[], sources: readonly string[]): NearestArticles {
  const wanted = new Set(sources);
  const articles = knowledge.filter((e) => e.kind === 'doc' && e.source !== undefined && wanted.has(e.source));
  const held = sources.filter((s) => articles.some((e) => e.source === s));
  const index = new InvertedKnowledgeIndex(articles);
  return (gap) => {
    const queries = gap.examples.length > 0 ? gap.examples : [gap.topic];
    const hits = queries.flatMap((q) => index.search(q, { accountId: '', limit: DEPTH })).sort((a, b) => b.similarity - a.similarity);
    return held.map((source) => {
      const best = hits.find((h) => h.entry.source === source);
      if (!best) return { source };
      const { title, question, url } = best.entry;
      return { source, article: { title: title ?? question, similarity: best.similarity, ...(url ? { url } : {}) } };
    });
  };
}

/** The nearest articles as one CSV cell: a line per source, `source: title (61%) url`, or `source: none`. */
export function nearestCell(nearest: NearestArticle[]): string {
  return nearest
    .map(({ source, article }) => (article ? `${source}: ${article.title} (${Math.round(article.similarity * 100)}%)${article.url ? ` ${article.url}` : ''}` : `${source}: none`))
    .join('\n');
}

/** The nearest articles in the running Baton's knowledge, of each source of the policy. */
export function nearestInKnowledge(deps: { policy: Policy; loop: { review?: AnswerReviewSource } }): NearestArticles {
  return nearestArticles(deps.loop.review?.knowledge() ?? [], deps.policy.knowledge.sources.map((s) => s.id));
}
