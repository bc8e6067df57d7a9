import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';

/** Reads a file, telling `onBytes` how much was read, for progress. */
function bytesOf(file: string, onBytes?: (n: number) => void) {
  const stream = createReadStream(file);
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
  return stream;
}

/**
 * Whether a .json file is really JSON lines, as Zendesk's account export writes it: its first line is a
 * whole JSON value and another follows.
 */
export async function isJsonLines(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256 * 1024), 0, 256 * 1024, 0);
    const [first, ...rest] = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split('\n');
    if (rest.length === 0 || !/^\s*\{/.test(rest.join('\n'))) return false;
    JSON.parse(first!);
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** One record read from a file, where it was, or why a piece of the file could not be read. */
export type RawRecord = { rec: unknown; where: string } | { error: string; where: string };

/** The column delimiter of a delimited file: a tab for .tsv, else whichever of tab, semicolon and comma its header line has most of. */
export async function sniffDelimiter(file: string): Promise<string> {
  if (extname(file).toLowerCase() === '.tsv') return '\t';
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const header = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
    const count = (c: string) => header.split(c).length - 1;
    return ['\t', ';', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  } finally {
    await handle.close();
  }
}

/** Rows of a CSV or TSV file with a header line; a row that cannot be parsed is reported and skipped. */
export async function* delimitedRecords(file: string, delimiter?: string, onBytes?: (n: number) => void): AsyncGenerator<RawRecord> {
  const errors: RawRecord[] = [];
  const sep = delimiter ?? (await sniffDelimiter(file));
  const rows = bytesOf(file, onBytes).pipe(
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
  for await (const { record, info } of rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* errors.splice(0);
    yield { rec: record, where: `${file}:line ${info.lines}` };
  }
  yield* errors.splice(0);
}

/** One JSON value a line; a line that is not JSON is reported and skipped. */
export async function* jsonLines(file: string, onBytes?: (n: number) => void): AsyncGenerator<RawRecord> {
  let n = 0;
  for await (const line of createInterface({ input: bytesOf(file, onBytes), crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield { rec: JSON.parse(line) as unknown, where: `${file}:${n}` };
    } catch {
      yield { error: 'not valid JSON', where: `${file}:${n}` };
    }
  }
}

/**
 * The records of a JSON file, streamed: the elements of a top-level array, or of the arrays under a
 * top-level object's keys (those `keys` accepts, else every key: `{"tickets": [...]}`, `{"train": [...], "val": [...]}`).
 * A file that stops being JSON part-way yields what came before and one error.
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
  const pipeline = chain([bytesOf(file, onBytes), parser(), pick({ filter: isRecord }), streamValues()]);
  try {
    for await (const item of pipeline as AsyncIterable<{ value: unknown }>) yield { rec: item.value, where: `${file}${paths.shift() ?? ''}` };
  } catch (err) {
    yield { error: `not valid JSON after ${last || 'the start'} (${(err as Error).message.split('\n')[0]})`, where: file };
  }
}
