import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { applyColumnMap, type ColumnMap } from './column-map.js';
import { fromHelpdeskRecord } from './helpdesk-record.js';
import { toEntry } from './helpdesk-ticket.js';
import { fromMarkdown } from './markdown-doc.js';
import { delimitedRecords, jsonArrayRecords, jsonLines, type RawRecord } from './record-stream.js';

/** One unit read from an export: an entry, or a record left out and why (with file and line). */
export type ReadItem = { entry: KnowledgeEntry } | { skipped: string; where: string };

export interface ReadOptions {
  /** `--map`: which columns hold which field. */
  map?: ColumnMap;
  /** Column delimiter of CSV/TSV files (default: sniffed from the header line). */
  delimiter?: string;
  /** For a JSON file holding an object: the keys whose arrays hold the records (default: all). */
  records?: readonly string[];
  /** Told how many bytes were read, as they are. */
  onBytes?: (n: number) => void;
}

const SUPPORTED = new Set(['.jsonl', '.ndjson', '.json', '.csv', '.tsv', '.md', '.markdown']);

/** Files to import: the paths themselves, or the supported files inside a directory (recursively). */
export function listFiles(paths: string[]): { files: string[]; unsupported: string[] } {
  const files: string[] = [];
  const unsupported: string[] = [];
  const visit = (p: string) => {
    if (statSync(p).isDirectory()) return readdirSync(p).sort().forEach((f) => visit(join(p, f)));
    (SUPPORTED.has(extname(p).toLowerCase()) ? files : unsupported).push(p);
  };
  paths.forEach(visit);
  return { files, unsupported };
}

function rawRecords(file: string, opts: ReadOptions): AsyncGenerator<RawRecord> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return delimitedRecords(file, opts.delimiter, opts.onBytes);
  if (ext === '.json') return jsonArrayRecords(file, opts.records, opts.onBytes);
  return jsonLines(file, opts.onBytes);
}

/** Reads one export file, streamed, into entries and skips. Markdown docs become one entry per section. */
export async function* readExport(file: string, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    const { entries, skipped } = fromMarkdown(readFileSync(file, 'utf8'), file);
    yield* entries.map((entry) => ({ entry }));
    yield* skipped.map((s) => ({ skipped: s, where: file }));
    return;
  }
  for await (const raw of rawRecords(file, opts)) {
    if ('error' in raw) {
      yield { skipped: raw.error, where: raw.where };
      continue;
    }
    if (Array.isArray(raw.rec) && !opts.map) {
      yield { skipped: 'a list, not a record (name its columns with --map, e.g. question=0,topic=1)', where: raw.where };
      continue;
    }
    if (!raw.rec || typeof raw.rec !== 'object') {
      yield { skipped: 'not a record', where: raw.where };
      continue;
    }
    const rec = opts.map ? applyColumnMap(raw.rec, opts.map) : (raw.rec as Record<string, unknown>);
    const r = toEntry(fromHelpdeskRecord(rec), basename(file));
    yield 'entry' in r ? r : { skipped: r.skipped, where: raw.where };
  }
}
