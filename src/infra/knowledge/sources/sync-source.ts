import type { KeyvSourceStore, SourceStatus } from '../../store/keyv-source-store.js';
import { articleEntries, type SourceArticle } from './source-article.js';
import type { SourceReader } from './source-reader.js';

/** One sync of one source, as `baton kb sync` prints it and the log records it. */
export interface SyncResult {
  source: string;
  ok: boolean;
  articles: number;
  added: number;
  changed: number;
  removed: number;
  /** Why it failed: the source keeps its last good content. */
  error?: string;
}

/**
 * Reads a source again and stores what it publishes now, bumping its revision when anything changed so
 * every instance reloads it. A source that cannot be read keeps its last good content; the failure is
 * recorded in its status (for /readyz, /metrics and `baton kb sources`).
 */
export async function syncSource(id: string, reader: SourceReader, store: KeyvSourceStore, now: number): Promise<SyncResult> {
  const [status, previous] = await Promise.all([store.status(id), store.content(id)]);
  const base: SourceStatus = status ?? { articles: 0, entries: 0, revision: 0 };
  const kept = { source: id, articles: base.articles, added: 0, changed: 0, removed: 0 };
  let read: Awaited<ReturnType<SourceReader>>;
  try {
    read = await reader(previous);
  } catch (err) {
    const error = (err as Error).message || String(err);
    await store.save(id, { ...base, lastSyncAt: now, lastError: error });
    return { ...kept, ok: false, error };
  }
  const { lastError: _cleared, ...good } = { ...base, lastSyncAt: now, lastSuccessAt: now };
  if (read === 'unchanged') {
    await store.save(id, good);
    return { ...kept, ok: true };
  }
  const diff = compare(previous?.articles ?? [], read.articles);
  const moved = diff.added + diff.changed + diff.removed > 0 || previous === undefined;
  const entries = read.articles.reduce((n, a) => n + articleEntries(id, a).length, 0);
  await store.save(id, { ...good, articles: read.articles.length, entries, revision: base.revision + (moved ? 1 : 0) }, read);
  return { source: id, ok: true, articles: read.articles.length, ...diff };
}

const shown = (a: SourceArticle) => JSON.stringify([a.title, a.url, a.markdown, a.audience]);

function compare(before: SourceArticle[], after: SourceArticle[]): { added: number; changed: number; removed: number } {
  const old = new Map(before.map((a) => [a.key, shown(a)]));
  const keys = new Set(after.map((a) => a.key));
  const added = after.filter((a) => !old.has(a.key)).length;
  const changed = after.filter((a) => old.has(a.key) && old.get(a.key) !== shown(a)).length;
  return { added, changed, removed: before.filter((a) => !keys.has(a.key)).length };
}
