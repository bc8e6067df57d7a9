import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { fromHelpdeskRecord } from './helpdesk-record.js';
import { fromMarkdown } from './markdown-doc.js';

/** One unit read from an export: an entry, or a record left out and why (with file and line). */
export type ReadItem = { entry: KnowledgeEntry } | { skipped: string; where: string };

const SUPPORTED = new Set(['.jsonl', '.ndjson', '.json', '.csv', '.md', '.markdown']);

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

function* records(file: string, text: string): Generator<{ rec: Record<string, unknown> | undefined; where: string; error?: string }> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') {
    const rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Record<string, unknown>[];
    for (let i = 0; i < rows.length; i++) yield { rec: rows[i], where: `${file}:row ${i + 2}` };
    return;
  }
  if (ext === '.json') {
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : Object.values(parsed as object).find(Array.isArray) ?? [];
    for (let i = 0; i < list.length; i++) yield { rec: list[i] as Record<string, unknown>, where: `${file}[${i}]` };
    return;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      yield { rec: JSON.parse(line) as Record<string, unknown>, where: `${file}:${i + 1}` };
    } catch {
      yield { rec: undefined, where: `${file}:${i + 1}`, error: 'not valid JSON' };
    }
  }
}

/** Reads one export file into entries and skips. Markdown docs become one entry per section. */
export function readExport(file: string): ReadItem[] {
  const text = readFileSync(file, 'utf8');
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    const { entries, skipped } = fromMarkdown(text, file);
    return [...entries.map((entry) => ({ entry })), ...skipped.map((s) => ({ skipped: s, where: file }))];
  }
  const items: ReadItem[] = [];
  for (const { rec, where, error } of records(file, text)) {
    if (!rec || typeof rec !== 'object') {
      items.push({ skipped: error ?? 'not a record', where });
      continue;
    }
    const r = fromHelpdeskRecord(rec, where);
    items.push('entry' in r ? r : { skipped: r.skipped, where });
  }
  return items;
}
