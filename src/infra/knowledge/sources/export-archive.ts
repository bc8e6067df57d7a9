import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { SourceReadError } from './polite-fetch.js';

/** The pages of a space export, by path inside it (with `/`), and a signature that moves when the export does. */
export interface ExportPages {
  pages: Map<string, string>;
  signature: string;
}

/**
 * The files whose names `wanted` accepts of an export as downloaded (a zip, and the zips inside it, as
 * Notion splits a large export) or unzipped into a folder, or `unchanged` when its signature is still
 * `before`. Attachments and images are never unpacked.
 */
export function readExportPages(path: string, wanted: (name: string) => boolean, before: string | undefined): ExportPages | 'unchanged' {
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      const signature = `${stat.mtimeMs}:${stat.size}`;
      return signature === before ? 'unchanged' : { pages: zipPages(readFileSync(path), path, wanted), signature };
    }
    const files = folderFiles(path, wanted);
    const signature = files.map((f) => `${f.key}:${f.mark}`).join('|');
    return signature === before ? 'unchanged' : { pages: new Map(files.map((f) => [f.key, readFileSync(f.file, 'utf8')])), signature };
  } catch (err) {
    if (err instanceof SourceReadError) throw err;
    throw new SourceReadError(`${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function folderFiles(root: string, wanted: (name: string) => boolean, dir = root): { file: string; key: string; mark: string }[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const file = join(dir, name);
    const s = statSync(file);
    if (s.isDirectory()) return folderFiles(root, wanted, file);
    return wanted(name) ? [{ file, key: relative(root, file).split('\\').join('/'), mark: `${s.mtimeMs}:${s.size}` }] : [];
  });
}

function zipPages(bytes: Uint8Array, where: string, wanted: (name: string) => boolean, depth = 0): Map<string, string> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => !f.name.startsWith('__MACOSX/') && (wanted(baseName(f.name)) || (depth === 0 && f.name.endsWith('.zip'))) });
  } catch (err) {
    throw new SourceReadError(`${where} is not a readable zip (${(err as Error).message})`);
  }
  const pages = new Map<string, string>();
  const text = new TextDecoder();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('.zip')) for (const [inner, page] of zipPages(data, `${where}:${name}`, wanted, 1)) pages.set(inner, page);
    else pages.set(name, text.decode(data));
  }
  return pages;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
