import type { Mark } from '../../core/suggest/mark-spans.js';
import type { Proposal } from '../../core/suggest/propose-answer.js';

/** Each line of `text` behind `by` ("  | "): the exact text, set off from what the CLI says about it. */
export const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');

/** The marked spans under a text, one a line: "action: I've refunded the charge". */
export function markLines(marks: readonly Mark[], by = '      '): string[] {
  return marks.length === 0 ? [`${by}(nothing marked)`] : marks.map((m) => `${by}${m.kind}: ${m.text}`);
}

/** A proposal for the terminal: the exact whole text customers would see, then what is marked in it. */
export function proposalText(p: Proposal, rank: number): string {
  const head = `${rank}. ${p.topic}${p.category ? ` (${p.category})` : ''}: ${p.volume} conversation(s)${p.accounts.length > 0 ? `, accounts ${p.accounts.join(', ')}` : ''}; ${p.drafted === 'llm' ? 'drafted from several resolutions' : 'most representative resolution, cleaned'}`;
  return [head, '    Customers would see exactly:', indent(p.answer, '      | '), '    Marked (likely one ticket\u2019s; edit or confirm):', ...markLines(p.marks)].join('\n');
}
