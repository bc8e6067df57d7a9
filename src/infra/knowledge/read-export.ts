import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { ColumnMap } from './column-map.js';
import { toTicket } from './formats/detect.js';
import { addSideload, emptySideloads, SIDELOAD_KEYS, type Sideloads } from './formats/sideloads.js';
import { folderFiles, zipFiles } from './formats/export-files.js';
import type { ImportPlan } from './import-plan.js';
import { isSlackExport, slackExportTickets, slackNameWords, type SlackWorkspace } from './formats/slack-export.js';
import { toEntry, type ConvertOptions, type HelpdeskTicket } from './helpdesk-ticket.js';
import { fromMarkdown } from './markdown-doc.js';
import { delimitedRecords, headText, isJsonLines, jsonArrayRecords, jsonLines, type RawRecord } from './record-stream.js';
import { readText } from './text-decoding.js';

/**
 * One unit read from an export: an entry with the format that read it (and what the export referred to
 * but left out, see `HelpdeskTicket.unresolved`), or a record left out and why (with file and line).
 */
export type ReadItem = { entry: KnowledgeEntry; format: string; unresolved?: HelpdeskTicket['unresolved'] } | { skipped: string; where: string };

export interface ReadOptions extends ConvertOptions {
  /** `--map`: which columns hold which field. */
  map?: ColumnMap;
  /** Column delimiter of CSV/TSV files (default: sniffed from the header line). */
  delimiter?: string;
  /** For a JSON file holding an object: the keys whose arrays hold the records (default: all but sideloads). */
  records?: readonly string[];
  /** Staff and channel accounts for Slack exports. */
  slack?: SlackWorkspace;
  /** Told how many bytes were read, as they are. */
  onBytes?: (n: number) => void;
}

async function startsWithObject(file: string): Promise<boolean> {
  return (await headText(file, 256)).replace(/^\uFEFF/, '').trimStart().startsWith('{');
}

async function* rawRecords(file: string, opts: ReadOptions, keys?: (k: string) => boolean): AsyncGenerator<RawRecord> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') yield* delimitedRecords(file, opts.delimiter, opts.onBytes);
  else if (ext === '.json' && !(await isJsonLines(file))) yield* jsonArrayRecords(file, keys, opts.onBytes);
  else yield* jsonLines(file, opts.onBytes);
}

/** Sideloads of separate files (users.json...) and of the export objects' own keys ({"tickets":[], "users":[]}). */
export async function loadSideloads(plan: ImportPlan, onFile?: (file: string, objects: number) => void): Promise<Sideloads> {
  const side = emptySideloads();
  for (const file of plan.sideloadFiles) {
    const key = basename(file).replace(/\.(jsonl|ndjson|json)$/i, '');
    let n = 0;
    for await (const r of rawRecords(file, {})) {
      if (!('rec' in r) || !r.rec || typeof r.rec !== 'object') continue;
      addSideload(side, key, r.rec as Record<string, unknown>);
      n++;
    }
    onFile?.(file, n);
  }
  for (const file of plan.files.filter((f) => extname(f).toLowerCase() === '.json')) {
    if (!(await startsWithObject(file)) || (await isJsonLines(file))) continue;
    for await (const r of jsonArrayRecords(file, (k) => (SIDELOAD_KEYS as readonly string[]).includes(k))) {
      if ('rec' in r && r.rec && typeof r.rec === 'object') addSideload(side, r.where.match(/\.(\w+)\[\d+\]$/)?.[1] ?? '', r.rec as Record<string, unknown>);
    }
  }
  return side;
}

/** Reads one export file, streamed, into entries and skips. Markdown docs become one entry per section. */
export async function* readExport(file: string, opts: ReadOptions = {}, side: Sideloads = emptySideloads()): AsyncGenerator<ReadItem> {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    const { entries, skipped } = fromMarkdown(await readText(file), file);
    yield* entries.map((entry) => ({ entry, format: 'Markdown docs' }));
    yield* skipped.map((s) => ({ skipped: s, where: file }));
    return;
  }
  const keys = (k: string) => (opts.records ? opts.records.includes(k) : !(SIDELOAD_KEYS as readonly string[]).includes(k));
  let read = 0;
  let header: string[] | undefined;
  for await (const raw of rawRecords(file, opts, keys)) {
    read++;
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
    header ??= Object.keys(raw.rec);
    yield converted(toTicket(raw.rec as Record<string, unknown>, side, opts.map), basename(file), { ...opts, knownNames: side.nameWords }, raw.where);
  }
  // A mistyped --records key, or --map column of a CSV, would otherwise read nothing and report nothing wrong.
  if (read === 0 && opts.records && ext === '.json') yield { skipped: `no records under the --records keys (${opts.records.join(', ')})`, where: file };
  if (opts.map && header && (ext === '.csv' || ext === '.tsv')) yield* missingColumns(opts.map, header, file);
}

/** Each column a --map names that the CSV's header lacks (a literal in single quotes is no column). */
function* missingColumns(map: ColumnMap, header: string[], file: string): Generator<ReadItem> {
  const named = [...new Set([...map.values()].flat())].filter((c) => !(c.length >= 2 && c.startsWith("'") && c.endsWith("'")));
  for (const column of named.filter((c) => !header.includes(c))) yield { skipped: `--map names column "${column}", which the header does not have (${header.join(', ')})`, where: file };
}

function converted({ ticket, format }: { ticket: HelpdeskTicket; format: string }, fileName: string, opts: ConvertOptions, where: string): ReadItem {
  const r = toEntry(ticket, fileName, opts);
  if (!('entry' in r)) return { skipped: r.skipped, where };
  return { entry: r.entry, format, ...(ticket.unresolved?.length ? { unresolved: ticket.unresolved } : {}) };
}

/** Reads a Slack workspace export, the folder or the zip as Slack delivers it: one entry per support thread. */
export function* readSlackExport(path: string, ws: SlackWorkspace, opts: ConvertOptions = {}): Generator<ReadItem> {
  const files = statSync(path).isDirectory() ? folderFiles(path) : zipFiles(path);
  if (!isSlackExport(files)) {
    yield { skipped: 'a zip that is not a Slack export (no channels.json and users.json or org_users.json)', where: path };
    return;
  }
  const format = files.has('org_users.json') ? 'Slack export (Enterprise Grid)' : 'Slack export';
  const knownNames = slackNameWords(files);
  for (const item of slackExportTickets(files, ws)) yield converted({ ticket: item.ticket, format }, basename(path), { ...opts, knownNames }, item.where);
}
