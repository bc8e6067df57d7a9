import type { SourceArticle } from './source-article.js';
import type { Validators } from './polite-fetch.js';

/** What a source held at its last good sync. */
export interface SourceContent {
  articles: SourceArticle[];
  /** The feed's own validators (the first API page, a file's size and time): unchanged means nothing to do. */
  validators?: Validators;
}

/**
 * Reads a source again, given what it held last time: `unchanged` when the source says nothing changed
 * (304, the same file), else everything it publishes now. Throws a SourceReadError when it cannot be read.
 */
export type SourceReader = (previous: SourceContent | undefined) => Promise<SourceContent | 'unchanged'>;

/** The article `key` held last time, when its change marker is still `updatedAt`: no need to convert it again. */
export function unchangedArticle(previous: SourceContent | undefined): (key: string, updatedAt: string | undefined) => SourceArticle | undefined {
  const byKey = new Map(previous?.articles.map((a) => [a.key, a]));
  return (key, updatedAt) => {
    const before = byKey.get(key);
    return before && updatedAt !== undefined && before.updatedAt === updatedAt ? before : undefined;
  };
}
