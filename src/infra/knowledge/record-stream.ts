import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { decodedStream, detectEncoding, type TextEncoding } from './text-decoding.js';
import { UnreadableFileError } from './unreadable-file.js';

/** Each file's encoding, found once (it takes a pass over the file) while the file is unchanged. */
const encodings = new Map<string, { stamp: string; encoding: Promise<TextEncoding> }>();

export function encodingOf(file: string): Promise<TextEncoding> {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const known = encodings.get(file);
  if (known?.stamp === stamp) return known.encoding;
  const encoding = detectEncoding(file);
  encodings.set(file, { stamp, encoding });
  return encoding;
}

/** Reads a file as text, telling `onBytes` how much was read, for progress. */
async function textOf(file: string, onBytes?: (n: number) => void) {
  return decodedStream(file, await encodingOf(file), onBytes);
}

/** The start of a file as text (about `bytes` of it), to tell its shape. */
export async function headText(file: string, bytes: number): Promise<string> {
  const encoding = await encodingOf(file);
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead), { stream: true }).replace(/\r\n?/g, '\n');
  } finally {
    await handle.close();
  }
}

/**
 * Whether a .json file is really JSON lines, as Zendesk's account export writes it: its first line is a
 * whole JSON value and another follows.
 */
export async function isJsonLines(file: string): Promise<boolean> {
  const [first, ...rest] = (await headText(file, 256 * 1024)).replace(/^\uFEFF/, '').split('\n');
  if (rest.length === 0 || !/^\s*\{/.test(rest.join('\n'))) return false;
  try {
    JSON.parse(first!);
    return true;
  } catch {
    return false;
  }
}

/** One record read from a file, where it was, or why a piece of the file could not be read. */
export type RawRecord = { rec: unknown; where: string } | { error: string; where: string };

/** The column delimiter of a delimited file: a tab for .tsv, else whichever of tab, semicolon and comma its header line has most of. */
export async function sniffDelimiter(file: string): Promise<string> {
  if (extname(file).toLowerCase() === '.tsv') return '\t';
  const header = (await headText(file, 64 * 1024)).split('\n', 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return ['\t', ';', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * Rows of a CSV or TSV file with a header line; a row that cannot be parsed is reported and skipped. A
 * quote never closed swallows the rest of the file (a file cut off mid-row): the file is refused.
 */
export async function* delimitedRecords(file: string, delimiter?: string, onBytes?: (n: number) => void): AsyncGenerator<RawRecord> {
  const errors: RawRecord[] = [];
  const sep = delimiter ?? (await sniffDelimiter(file));
  const rows = (await textOf(file, onBytes)).pipe(
    parse({
      columns: true,
      delimiter: sep,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => void errors.push({ error: `malformed row (${err?.code ?? 'unreadable'})`, where: `${file}:line ${err?.lines ?? '?'}` }),
    }),
  );
  const cutOff = () => errors.find((e) => 'error' in e && e.error.includes('CSV_QUOTE_NOT_CLOSED'));
  for await (const { record, info } of rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* errors.splice(0);
    yield { rec: record, where: `${file}:line ${info.lines}` };
  }
  const cut = cutOff();
  if (cut) throw new UnreadableFileError(file, `a quoted value is never closed from ${cut.where.slice(file.length + 1)} on: the file is cut off or damaged`);
  yield* errors.splice(0);
}

/**
 * One JSON value a line; a line that is not JSON is reported and skipped. A file cut off mid-record (its
 * last line not JSON and no line end after it) or with no JSON line at all is refused.
 */
export async function* jsonLines(file: string, onBytes?: (n: number) => void): AsyncGenerator<RawRecord> {
  let n = 0;
  let good = 0;
  let bad: RawRecord | undefined;
  for await (const line of createInterface({ input: await textOf(file, onBytes), crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    if (bad) yield bad;
    bad = undefined;
    try {
      const rec = JSON.parse(line) as unknown;
      good++;
      yield { rec, where: `${file}:${n}` };
    } catch {
      bad = { error: 'not valid JSON', where: `${file}:${n}` };
    }
  }
  if (bad && !(await endsWithNewline(file))) throw new UnreadableFileError(file, `line ${n} is cut off mid-record: the file is truncated`);
  if (good === 0 && bad) throw new UnreadableFileError(file, 'no line of it is JSON');
  if (bad) yield bad;
}

async function endsWithNewline(file: string): Promise<boolean> {
  const size = statSync(file).size;
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, Math.max(0, size - 2));
    return buffer.subarray(0, bytesRead).includes(0x0a);
  } finally {
    await handle.close();
  }
}

/**
 * The records of a JSON file, streamed: the elements of a top-level array, or of the arrays under a
 * top-level object's keys (those `keys` accepts, else every key: `{"tickets": [...]}`, `{"train": [...], "val": [...]}`).
 * A file that stops being JSON part-way is refused (`UnreadableFileError`).
 */
export async function* jsonArrayRecords(file: string, keys?: (key: string) => boolean, onBytes?: (n: number) => void): AsyncGenerator<RawRecord> {
  // The filter sees each element's path before the streamer assembles it (and may see it again): a queue pairs them.
  const paths: string[] = [];
  let last = '';
  const isRecord = (stack: (string | number | null)[]) => {
    const top = stack.length === 1 && typeof stack[0] === 'number';
    // HAL pages (Help Scout) keep their records one level down: {"_embedded": {"conversations": [...]}}.
    const at = stack[0] === '_embedded' ? 1 : 0;
    const key = stack[at];
    const keyed = stack.length === at + 2 && typeof key === 'string' && typeof stack[at + 1] === 'number' && (!keys || keys(key));
    const path = top ? `[${String(stack[0])}]` : keyed ? `.${String(key)}[${String(stack[at + 1])}]` : '';
    if (path !== '' && path !== last) {
      last = path;
      paths.push(path);
    }
    return path !== '';
  };
  const pipeline = chain([await textOf(file, onBytes), parser(), pick({ filter: isRecord }), streamValues()]);
  try {
    for await (const item of pipeline as AsyncIterable<{ value: unknown }>) yield { rec: item.value, where: `${file}${paths.shift() ?? ''}` };
  } catch (err) {
    throw new UnreadableFileError(file, `not valid JSON from ${last || 'the start'} on (${(err as Error).message.split('\n')[0]}): the file is truncated or damaged`);
  }
}
