import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { UnreadableFileError } from './unreadable-file.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes Windows-1252 leaves undefined: a file holding them is in none of the encodings read here. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const SAMPLE = 64 * 1024;

/** UTF-16 without a byte order mark: most characters of a Latin text have a zero byte on one side. */
function utf16Order(sample: Buffer): TextEncoding | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return undefined;
  if (odd / pairs > 0.3 && even === 0) return 'utf-16le';
  if (even / pairs > 0.3 && odd === 0) return 'utf-16be';
  return undefined;
}

/**
 * The file's text encoding: a byte order mark (UTF-8, UTF-16 LE/BE) says it; else UTF-16 by its zero
 * bytes; else UTF-8 when every byte of the file decodes as UTF-8; else Windows-1252 (which covers
 * Latin-1's printable characters). Refused with the reason: binary content, bytes no candidate defines,
 * or replacement characters (U+FFFD) that an earlier conversion left where text was lost.
 */
export async function detectEncoding(file: string): Promise<TextEncoding> {
  const handle = await open(file);
  let sample: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE), 0, SAMPLE, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = utf16Order(sample);
  if (utf16) return utf16;
  if (sample.includes(0)) throw new UnreadableFileError(file, 'holds binary data (zero bytes), not text in UTF-8, UTF-16 or Windows-1252');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let undefined1252 = false;
  let previousTail: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (Buffer.concat([previousTail, chunk]).includes(Buffer.from([0xef, 0xbf, 0xbd]))) {
      throw new UnreadableFileError(file, 'holds U+FFFD replacement characters: an earlier conversion lost text there; export it again as UTF-8');
    }
    previousTail = chunk.subarray(-2);
    if (!undefined1252 && chunk.some((b) => UNDEFINED_1252.has(b))) undefined1252 = true;
    if (valid) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (valid) {
    try {
      utf8.decode();
      return 'utf-8';
    } catch {
      // cut off inside a character: not UTF-8 after all
    }
  }
  if (undefined1252) throw new UnreadableFileError(file, 'is not text in UTF-8, UTF-16 or Windows-1252 (Latin-1); export it again as UTF-8');
  return 'windows-1252';
}

/**
 * The file as text in `encoding`, chunk by chunk: the byte order mark dropped, line ends made `\n`
 * (a carriage return never reaches what is stored). `onBytes` hears how many bytes were read.
 */
export function decodedStream(file: string, encoding: TextEncoding, onBytes?: (n: number) => void): Readable {
  const decoder = new TextDecoder(encoding, { fatal: true });
  async function* text() {
    let pendingCr = false;
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      let s = decoder.decode(chunk, { stream: true });
      if (pendingCr) s = `\r${s}`;
      pendingCr = s.endsWith('\r');
      if (pendingCr) s = s.slice(0, -1);
      if (s) yield s.replace(/\r\n?/g, '\n');
    }
    const rest = decoder.decode() + (pendingCr ? '\r' : '');
    if (rest) yield rest.replace(/\r\n?/g, '\n');
  }
  return Readable.from(text(), { objectMode: false });
}

/** A whole small file (a Markdown doc, a Slack day file) as text. */
export async function readText(file: string): Promise<string> {
  const encoding = await detectEncoding(file);
  let out = '';
  for await (const s of decodedStream(file, encoding)) out += String(s);
  return out;
}
