import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { folderFiles } from './formats/export-files.js';
import { SIDELOAD_KEYS } from './formats/sideloads.js';
import { isSlackExport } from './formats/slack-export.js';

// What an import reads, apart from the readers (read-export.ts): BATON_DOCS is listed at every start,
// and listing needs none of the parsers.

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
      if (isSlackExport(folderFiles(p))) plan.slackExports.push(p);
      else for (const f of readdirSync(p).sort()) visit(join(p, f));
      return;
    }
    if (extname(p).toLowerCase() === '.zip') plan.slackExports.push(p);
    else if (!SUPPORTED.has(extname(p).toLowerCase())) plan.unsupported.push(p);
    else (isSideloadFile(p) ? plan.sideloadFiles : plan.files).push(p);
  };
  paths.forEach(visit);
  return plan;
}
