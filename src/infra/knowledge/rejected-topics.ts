import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TopicRejection {
  topic: string;
  by: string;
  at: string;
}

/** Beside the knowledge file: the topics whose proposed answer a lead rejected (`kb approve --file`). */
export const rejectedTopicsFile = (kb: string) => `${kb.replace(/\.jsonl$/, '')}.rejected.jsonl`;

/** The rejected topics; none when the file does not exist yet. */
export function loadRejectedTopics(kb: string): Set<string> {
  const file = rejectedTopicsFile(kb);
  if (!existsSync(file)) return new Set();
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return new Set(lines.map((l) => (JSON.parse(l) as TopicRejection).topic));
}

export function recordRejectedTopics(kb: string, rejections: readonly TopicRejection[]): void {
  if (rejections.length === 0) return;
  const file = rejectedTopicsFile(kb);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, rejections.map((r) => `${JSON.stringify(r)}\n`).join(''));
}
