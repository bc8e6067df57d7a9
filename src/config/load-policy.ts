import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { moveDeprecatedKeys, movedKeysWarning } from './moved-keys.js';
import { referenceProblems } from './policy-references.js';
import { policySchema, type Policy } from './policy-schema.js';

/** A config problem with enough detail to fix it without reading code. */
export interface ConfigProblem {
  file: string;
  key: string;
  line?: number;
  message: string;
}

export class ConfigError extends Error {
  readonly code = 'BATON_CONFIG_INVALID';
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(p: ConfigProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.key || '(top level)'}: ${p.message}`;
}

/** Where a policy's warnings go: one line each. */
export type Warn = (line: string) => void;
const toStderr: Warn = (line) => void process.stderr.write(`${line}\n`);

function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** The line of the deepest node on `path` that exists, so a missing key points at its parent. */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && (isMap(node) || isSeq(node) || node.range)) {
      const offset = node.range?.[0];
      return offset === undefined ? undefined : counter.linePos(offset).line;
    }
  }
  return undefined;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/**
 * Parses and validates the policy YAML; every problem is collected before anything is thrown. With `env`,
 * the environment variables the policy names for secrets must be set too. Keys read in a new place are
 * named in one line to `warn` (stderr unless told).
 */
export function parsePolicy(text: string, file: string, env?: NodeJS.ProcessEnv, warn: Warn = toStderr): Policy {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => ({ file, key: '', line: e.linePos?.[0]?.line, message: `YAML syntax: ${e.message.split('\n')[0]}` })),
    );
  }
  const { raw, moved, problems: conflicts, inFile } = moveDeprecatedKeys(doc.toJS() ?? {});
  if (moved.length > 0) warn(movedKeysWarning(file, moved));
  const result = policySchema.safeParse(raw);
  const problems: ConfigProblem[] = conflicts.map(({ path, message }) => ({ file, key: keyPath(path), line: lineOf(doc, counter, path), message }));
  problems.push(...(result.error?.issues ?? []).map((issue) => {
    // An unknown key is best shown where it stands, not at its parent.
    const path = inFile(issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path);
    return { file, key: keyPath(path), line: lineOf(doc, counter, path), message: issueMessage(issue) };
  }));
  // Cross-references are checked on what the file says (not on defaults), in the same pass as the shape.
  for (const r of referenceProblems(raw, env)) {
    const key = keyPath(r.path);
    if (!problems.some((p) => p.key === key)) problems.push({ file, key, line: lineOf(doc, counter, r.path), message: r.message });
  }
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

export function loadPolicy(file: string, env?: NodeJS.ProcessEnv, warn: Warn = toStderr): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new ConfigError([{ file, key: '', message: `${reason} (set BATON_CONFIG to the policy file)` }]);
  }
  return parsePolicy(text, file, env, warn);
}
