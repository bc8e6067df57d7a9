import type { KnowledgeEntry } from '../ports/knowledge.js';

/** Web links as a model writes them: with a scheme (also inside Markdown or Slack <url|text>), or starting www. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"'`|]+/gi;
/** Sentence punctuation that ends a sentence rather than the link. */
const TRAILING = /[.,;:!?*_~]+$/;

function normalize(link: string): string {
  return link
    .replace(TRAILING, '')
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Every link in a text, normalized (no scheme, no www., no trailing slash or punctuation). */
export function linksIn(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => normalize(m[0])).filter((l) => l.length > 0);
}

/**
 * The links of a draft that none of its cited sources contains: a model may repeat a source's link,
 * never bring its own (a phishing link beside a real citation reads as ours to the customer).
 */
export function unsourcedLinks(draft: string, cited: KnowledgeEntry[]): string[] {
  const known = new Set(cited.flatMap((e) => [...linksIn(e.answer ?? ''), ...(e.url ? linksIn(e.url) : [])]));
  return [...new Set(linksIn(draft))].filter((link) => !known.has(link));
}
