import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, type ConfigProblem } from '../../config/load-policy.js';
import type { KnowledgeEntry, KnowledgeStore } from '../../core/ports/knowledge.js';

type Counts = { added: number; updated: number; unchanged: number };

/**
 * The knowledge base as one JSONL file (one entry a line, keyed by id). Read whole at startup, since the
 * index lives in memory anyway; an import is written to a temp file renamed over the old one, so a
 * crash never leaves half a file behind.
 */
export class JsonlKnowledgeStore implements KnowledgeStore {
  constructor(private readonly file: string) {}

  async loadAll(): Promise<KnowledgeEntry[]> {
    return loadKnowledge(this.file);
  }

  /**
   * The new entries are streamed into a temp file beside the old lines they replace or join: only the
   * existing file's lines are held, by id, to tell what changed.
   */
  async upsert(entries: Iterable<KnowledgeEntry> | AsyncIterable<KnowledgeEntry>): Promise<Counts> {
    const existing = new Map<string, string>();
    for await (const [line, n] of existingLines(this.file)) existing.set(parseEntry(this.file, line, n).id, line);
    const counts: Counts = { added: 0, updated: 0, unchanged: 0 };
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    const out = createWriteStream(tmp);
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    };
    for await (const e of entries) {
      const line = JSON.stringify(e);
      const before = existing.get(e.id);
      existing.delete(e.id);
      counts[before === undefined ? 'added' : before === line ? 'unchanged' : 'updated']++;
      await write(line);
    }
    for (const line of existing.values()) await write(line);
    out.end();
    await once(out, 'finish');
    if (counts.added + counts.updated > 0) renameSync(tmp, this.file);
    else rmSync(tmp);
    return counts;
  }
}

/** The file's non-blank lines, each with its line number. */
async function* existingLines(file: string): AsyncGenerator<[string, number]> {
  if (!existsSync(file)) return;
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    n++;
    if (line.trim() !== '') yield [line, n];
  }
}

function lineProblem(file: string, line: number, err: unknown): ConfigProblem {
  const what = err instanceof NotAnEntry ? err.message : `not valid JSON (${(err as Error).message})`;
  return { file, line, key: 'knowledge entry', message: `${what}; fix or remove the line (baton kb ingest writes one entry a line)` };
}

class NotAnEntry extends Error {}

/** A line as an entry: JSON with the fields every reader of an entry relies on, else why it is not one. */
function entryOf(line: string): KnowledgeEntry {
  const value = JSON.parse(line) as Partial<KnowledgeEntry> | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new NotAnEntry('not a JSON object');
  if (typeof value.id !== 'string' || typeof value.question !== 'string') throw new NotAnEntry('"id" and "question" must be text');
  return value as KnowledgeEntry;
}

/** Whether the knowledge file exists (absent: an empty KB); a folder in its place is a ConfigError naming the setting. */
function knowledgeFileThere(file: string): boolean {
  if (!existsSync(file)) return false;
  if (statSync(file).isDirectory()) throw new ConfigError([{ file, key: '(top level)', message: 'a folder, not a knowledge file (set BATON_KB, or --kb, to the file baton kb ingest writes)' }]);
  return true;
}

/** One line of a knowledge file; a line that is not an entry is a ConfigError naming the file and line. */
function parseEntry(file: string, line: string, n: number): KnowledgeEntry {
  try {
    return entryOf(line);
  } catch (err) {
    throw new ConfigError([lineProblem(file, n, err)]);
  }
}

/**
 * Every entry of a knowledge file; an absent file is an empty KB (Baton then escalates what it cannot
 * answer). A line that is not an entry is a ConfigError naming the file and line, so the start (or the
 * command) says what to fix instead of crashing on a parser message.
 */
export function loadKnowledge(file: string): KnowledgeEntry[] {
  if (!knowledgeFileThere(file)) return [];
  const parsed = new ParsedLines(file);
  for (const lines of fileChunks(file)) parsed.add(lines);
  return parsed.entries();
}

/**
 * The same, read a chunk at a time without holding the event loop: a start serves (and records what
 * arrives) while a large file is read. A named pipe works too: it is read until its writer closes it.
 */
export async function readKnowledge(file: string): Promise<KnowledgeEntry[]> {
  if (!knowledgeFileThere(file)) return [];
  const parsed = new ParsedLines(file);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const split = new LineSplitter();
    for (let { bytesRead } = await handle.read(buffer, 0, CHUNK); bytesRead > 0; { bytesRead } = await handle.read(buffer, 0, CHUNK)) {
      parsed.add(split.next(buffer.subarray(0, bytesRead)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    parsed.add([split.end()]);
  } finally {
    await handle.close();
  }
  return parsed.entries();
}

/** Lines parsed into entries, counted across chunks; up to five bad lines are named. */
class ParsedLines {
  private readonly list: KnowledgeEntry[] = [];
  private readonly problems: ConfigProblem[] = [];
  private n = 0;

  constructor(private readonly file: string) {}

  add(lines: string[]): void {
    for (const l of lines) {
      this.n++;
      if (l.trim() === '') continue;
      try {
        this.list.push(entryOf(l));
      } catch (err) {
        if (this.problems.length < 5) this.problems.push(lineProblem(this.file, this.n, err));
      }
    }
  }

  entries(): KnowledgeEntry[] {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return this.list;
  }
}

/** Bytes read at a time: a knowledge file of 500k entries is about 450 MB, never held whole. */
const CHUNK = 8 * 2 ** 20;

/** Whole lines out of chunks of bytes: a line (or a character) cut by a chunk's end waits for the next. */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  next(bytes: Buffer): string[] {
    const lines = (this.rest + this.decoder.write(bytes)).split('\n');
    this.rest = lines.pop()!;
    return lines;
  }

  end(): string {
    return this.rest + this.decoder.end();
  }
}

/** The file's lines, a chunk's worth at a time, synchronously (`kb` commands, and a reload's reading). */
function* fileChunks(file: string): Generator<string[]> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const split = new LineSplitter();
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield split.next(buffer.subarray(0, read));
    yield [split.end()];
  } finally {
    closeSync(fd);
  }
}
