import { readFileSync } from 'node:fs';
import { UsageError } from '../command.js';

/** How two texts are compared: case and runs of whitespace do not count. */
const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The customer messages of a labelled set kept apart for testing (`--exclude`): one JSON object a line
 * with `text`, and for threads `turns` or `messages` of `{text}`, as `baton triage` reads them.
 */
export function readHoldout(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--exclude: cannot read ${file}`);
  }
  const held = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let rec: { text?: unknown; turns?: { text?: unknown }[]; messages?: { text?: unknown }[] };
    try {
      rec = JSON.parse(line);
    } catch {
      throw new UsageError(`--exclude: ${file}:${i + 1} is not JSON`);
    }
    for (const t of [rec.text, ...(rec.turns ?? rec.messages ?? []).map((m) => m.text)]) if (typeof t === 'string') held.add(norm(t));
  });
  return held;
}

/** True when the question, or any of its lines (a thread's customer turns), is one of the held-out messages. */
export function isHeldOut(held: ReadonlySet<string>, question: string): boolean {
  return held.has(norm(question)) || question.split('\n').some((l) => held.has(norm(l)));
}
