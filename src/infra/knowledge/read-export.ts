import { open } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import type { ColumnMap } from './column-map.js';
import { toTicket } from './formats/detect.js';
import { addSideload, emptySideloads, SIDELOAD_KEYS, type Sideloads } from './formats/sideloads.js';
import { isSlackExport, slackExportTickets, type SlackWorkspace } from './formats/slack-export.js';
import { toEntry } from './helpdesk-ticket.js';
import { fromMarkdown } from './markdown-doc.js';
import { delimitedRecords, isJsonLines, jsonArrayRecords, jsonLines, type RawRecord } from './record-stream.js';

/** One unit read from an export: an entry, or a record left out and why (with file and line). */
export type ReadItem = { entry: KnowledgeEntry } | { skipped: string; where: string };

export interface ReadOptions {
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

/** What to read: export files, files of sideloaded people and groups, and Slack export folders. */
export interface ImportPlan {
  files: string[];
  sideloadFiles: string[];
  slackExports: string[];
  unsupported: string[];
}

const SUPPORTED = new Set(['.jsonl', '.ndjson', '.json', '.csv', '.tsv', '.md', '.markdown']);
/** users.json, organizations.jsonl...: read first, for the names and roles the other files refer to. */
const isSideloadFile = (f: string) => (SIDELOAD_KEYS as readonly string[]).includes(basename(f).replace(/\.(jsonl|ndjson|json)$/i, ''));

/** What the paths hold: files themselves, or the supported files inside a directory (recursively). */
export function listFiles(paths: string[]): ImportPlan {
  const plan: ImportPlan = { files: [], sideloadFiles: [], slackExports: [], unsupported: [] };
  const visit = (p: string) => {
    if (statSync(p).isDirectory()) {
      if (isSlackExport(p)) plan.slackExports.push(p);
      else for (const f of readdirSync(p).sort()) visit(join(p, f));
      return;
    }
    if (!SUPPORTED.has(extname(p).toLowerCase())) plan.unsupported.push(p);
    else (isSideloadFile(p) ? plan.sideloadFiles : plan.files).push(p);
  };
  paths.forEach(visit);
  return plan;
}

async function startsWithObject(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{');
  } finally {
    await handle.close();
  }
}

async function* rawRecords(file: string, opts: ReadOptions, keys?: (k: string) => boolean): AsyncGenerator<RawRecord> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') yield* delimitedRecords(file, opts.delimiter, opts.onBytes);
  else if (ext === '.json' && !(await isJsonLines(file))) yield* jsonArrayRecords(file, keys, opts.onBytes);
  else yield* jsonLines(file, opts.onBytes);
}

/** Sideloads of separate files (users.json...) and of the export objects' own keys ({"tickets":[], "users":[]}). */
export async function loadSideloads(plan: ImportPlan): Promise<Sideloads> {
  const side = emptySideloads();
  for (const file of plan.sideloadFiles) {
    const key = basename(file).replace(/\.(jsonl|ndjson|json)$/i, '');
    for await (const r of rawRecords(file, {})) if ('rec' in r && r.rec && typeof r.rec === 'object') addSideload(side, key, r.rec as Record<string, unknown>);
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
    const { entries, skipped } = fromMarkdown(readFileSync(file, 'utf8'), file);
    yield* entries.map((entry) => ({ entry }));
    yield* skipped.map((s) => ({ skipped: s, where: file }));
    return;
  }
  const keys = (k: string) => (opts.records ? opts.records.includes(k) : !(SIDELOAD_KEYS as readonly string[]).includes(k));
  let read = 0;
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
    const r = toEntry(toTicket(raw.rec as Record<string, unknown>, side, opts.map), basename(file));
    yield 'entry' in r ? r : { skipped: r.skipped, where: raw.where };
  }
  // A mistyped --records key would otherwise read nothing and report nothing wrong.
  if (read === 0 && opts.records && ext === '.json') yield { skipped: `no records under the --records keys (${opts.records.join(', ')})`, where: file };
}

/** Reads a Slack workspace export folder: one entry per support thread. */
export function* readSlackExport(dir: string, ws: SlackWorkspace): Generator<ReadItem> {
  for (const item of slackExportTickets(dir, ws)) {
    if ('error' in item) {
      yield { skipped: item.error, where: item.where };
      continue;
    }
    const r = toEntry(item.ticket, basename(dir));
    yield 'entry' in r ? r : { skipped: r.skipped, where: item.where };
  }
}
