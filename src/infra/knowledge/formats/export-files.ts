import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UnreadableFileError } from '../unreadable-file.js';

/** The unzipper, loaded (its CommonJS build, synchronously) for a zip: listing BATON_DOCS at a start never reads one. */
const fflate = () => createRequire(import.meta.url)('fflate') as typeof import('fflate');

/** The files of an export as delivered: a folder, or the zip it came in. Paths are relative, with `/`. */
export interface ExportFiles {
  has(path: string): boolean;
  /** The file's text, or undefined when it is not there. */
  read(path: string): string | undefined;
  /** The names of the files directly in a folder. */
  list(dir: string): string[];
  /** Where a path is, for messages. */
  where(path: string): string;
}

export function folderFiles(dir: string): ExportFiles {
  return {
    has: (p) => existsSync(join(dir, p)),
    read: (p) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : undefined),
    list: (d) => (existsSync(join(dir, d)) && statSync(join(dir, d)).isDirectory() ? readdirSync(join(dir, d)) : []),
    where: (p) => join(dir, p),
  };
}

/**
 * A zip as Slack delivers its export (the files at its root, or under one top folder). Read whole into
 * memory: an export zip is read once, file by file.
 */
export function zipFiles(zip: string): ExportFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = fflate().unzipSync(readFileSync(zip));
  } catch (err) {
    throw new UnreadableFileError(zip, `is not a readable zip (${(err as Error).message}): the download is incomplete or damaged`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'));
  const root = names.find((n) => /(^|\/)channels\.json$/.test(n))?.replace(/channels\.json$/, '') ?? '';
  const text = new TextDecoder();
  const at = (p: string) => entries[`${root}${p}`];
  return {
    has: (p) => at(p) !== undefined,
    read: (p) => {
      const bytes = at(p);
      return bytes && text.decode(bytes);
    },
    list: (d) => names.filter((n) => n.startsWith(`${root}${d}/`) && !n.slice(root.length + d.length + 1).includes('/')).map((n) => n.slice(root.length + d.length + 1)),
    where: (p) => `${zip}:${root}${p}`,
  };
}
