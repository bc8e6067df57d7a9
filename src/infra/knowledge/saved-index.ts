import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { SavedKnowledge } from '../../core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { SavedEntries } from './saved-entries.js';

/**
 * Bump whenever what is saved or how the index is built changes (a new column, another term rule): a
 * saved index of another format, or of another Baton version, is built again rather than read.
 */
export const INDEX_FORMAT = 2;
const MAGIC = 'BATONIDX';
/** The header's room at the start of the file: the magic, then the header's JSON padded with spaces. */
const HEADER_BYTES = 4096;
/** Entries written between two turns of the event loop. */
const STEP = 2000;

/** Where the index of a knowledge file is saved: beside it. */
export const savedIndexFile = (kb: string) => `${kb}.index`;

interface Header {
  format: number;
  key: string;
  entriesBytes: number;
  entriesSha1: string;
  stateBytes: number;
  stateSha1: string;
}

export interface LoadedIndex {
  saved: SavedKnowledge;
  entries: SavedEntries;
  /** Whether the entries part is as it was written (hashed in the background once the index serves). */
  intact(): Promise<boolean>;
}

/** Why a saved index was not used: the warning says it, and the index is built again. */
export class UnusableIndex extends Error {}

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');

const BATON_VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
})();

/**
 * What a saved index must have been built from to be used: this index format and Baton version, the
 * knowledge file as it is now (its size, modification time and inode, and the bytes at its two ends:
 * a file rewritten within one clock tick at the same size is still told apart) and everything else
 * the build read (`inputs`: the policy, the docs, the sources' articles). Undefined
 * when the knowledge is not a regular file (none, or a named pipe).
 */
export function indexKey(kb: string, inputs: unknown): string | undefined {
  // A named pipe (or anything but a file) is read once as it comes: there is nothing to key an index by.
  if (!statSync(kb, { throwIfNoEntry: false })?.isFile()) return undefined;
  let fd: number;
  try {
    fd = openSync(kb, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size, mtimeMs, ino } = fstatSync(fd);
    const ends = Buffer.alloc(Math.min(size, 2 * 65536));
    const head = readSync(fd, ends, 0, Math.min(size, 65536), 0);
    readSync(fd, ends, head, ends.length - head, size - (ends.length - head));
    return createHash('sha1').update(JSON.stringify([INDEX_FORMAT, BATON_VERSION, size, mtimeMs, ino, inputs])).update(ends).digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * The index saved in `file` for `key`, its entries left in the file until asked for; an UnusableIndex
 * saying why when there is none, it was saved for other knowledge or another Baton, or it is cut short
 * or damaged.
 */
export function loadSavedIndex(file: string, key: string): LoadedIndex {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new UnusableIndex((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'none saved yet' : `cannot be read (${(err as Error).message})`);
  }
  try {
    const header = readHeader(fd);
    if (header.format !== INDEX_FORMAT || header.key !== key) throw new UnusableIndex('saved for other knowledge, another policy or another Baton version');
    if (fstatSync(fd).size !== HEADER_BYTES + header.entriesBytes + header.stateBytes) throw new UnusableIndex('cut short (its size is not the one it was written with)');
    const bytes = Buffer.allocUnsafe(header.stateBytes);
    readSync(fd, bytes, 0, bytes.length, HEADER_BYTES + header.entriesBytes);
    if (sha1(bytes) !== header.stateSha1) throw new UnusableIndex('damaged (its checksum does not match)');
    const { offsets, ...saved } = deserialize(bytes) as SavedKnowledge & { offsets: Float64Array };
    const entries = new SavedEntries(fd, HEADER_BYTES, offsets);
    return { saved, entries, intact: () => entries.intact(header.entriesSha1) };
  } catch (err) {
    closeSync(fd);
    throw err instanceof UnusableIndex ? err : new UnusableIndex(`damaged (${(err as Error).message})`);
  }
}

function readHeader(fd: number): Header {
  const head = Buffer.alloc(HEADER_BYTES);
  const read = readSync(fd, head, 0, HEADER_BYTES, 0);
  if (head.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new UnusableIndex('not a saved Baton index');
  if (read < HEADER_BYTES) throw new UnusableIndex('cut short (no whole header)');
  const header = JSON.parse(head.toString('utf8', MAGIC.length)) as Partial<Header>;
  for (const k of ['format', 'entriesBytes', 'stateBytes'] as const) if (!Number.isSafeInteger(header[k])) throw new UnusableIndex(`damaged (no ${k} in its header)`);
  return header as Header;
}

/**
 * Saves a built index for `key`: its entries as JSON one after the other (written a step at a time,
 * so a running Baton keeps answering), then its state. Written to a file of its own and renamed over
 * `file`: a reader sees the old index or the new one, never part of one, and two instances saving at
 * once each rename a whole file. An abort (`signal`: Baton stopping) removes the part written.
 */
export async function saveIndex(file: string, key: string, built: { state: SavedKnowledge; documents: (KnowledgeEntry | undefined)[] }, signal?: AbortSignal): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'w');
  let open = true;
  try {
    const { documents } = built;
    const offsets = new Float64Array(documents.length + 1);
    const hash = createHash('sha1');
    for (let i = 0; i < documents.length; i += STEP) {
      signal?.throwIfAborted();
      const parts = documents.slice(i, i + STEP).map((e) => Buffer.from(e === undefined ? '' : JSON.stringify(e)));
      parts.forEach((p, j) => {
        offsets[i + j + 1] = offsets[i + j]! + p.length;
      });
      const chunk = Buffer.concat(parts);
      hash.update(chunk);
      writeSync(fd, chunk, 0, chunk.length, HEADER_BYTES + offsets[i]!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    signal?.throwIfAborted();
    const entriesBytes = offsets[documents.length]!;
    const state = serialize({ ...built.state, offsets });
    writeSync(fd, state, 0, state.length, HEADER_BYTES + entriesBytes);
    const header: Header = { format: INDEX_FORMAT, key, entriesBytes, entriesSha1: hash.digest('hex'), stateBytes: state.length, stateSha1: sha1(state) };
    const head = Buffer.alloc(HEADER_BYTES, ' ');
    head.write(MAGIC + JSON.stringify(header), 'utf8');
    writeSync(fd, head, 0, HEADER_BYTES, 0);
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(tmp, file);
  } catch (err) {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
