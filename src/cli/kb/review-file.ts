import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { AnswerScope } from '../../core/suggest/approve-answer.js';
import type { Proposal } from '../../core/suggest/propose-answer.js';
import { UsageError } from '../command.js';

const HEADER = `# Answers Baton proposes from its history, one topic each, the largest topics first (baton kb suggest).
# \`answer\` is the exact text customers will see: edit it freely. \`marked\` lists what looks like one
# ticket's (action claims, amounts, dates, names, ids, organizations); it is worked out again from your
# edit, and any still there blocks the approval unless you set confirm_marked: true.
# For each topic set:
#   decision: approve | reject | pending      (pending: decide later; nothing happens)
#   for: everyone | ACCOUNT_ID                (who the approved answer speaks to)
#   confirm_marked: true                      (the marked spans left in are right for all it reaches)
# Then: npm run baton -- kb approve --file THIS_FILE
`;

const itemSchema = z.object({
  topic: z.string().min(1),
  category: z.string().optional(),
  question: z.string().min(1),
  answer: z.string(),
  decision: z.enum(['approve', 'reject', 'pending']).default('pending'),
  for: z.union([z.string().min(1), z.number().transform(String)]).default('everyone'),
  confirm_marked: z.boolean().default(false),
});

export type ReviewItem = z.infer<typeof itemSchema>;

export const scopeOf = (item: ReviewItem): AnswerScope => (item.for === 'everyone' ? { everyone: true } : { account: item.for });

/** The review file: a YAML list a lead edits in any text editor (multi-line answers stay readable). */
export function writeReviewFile(proposals: readonly Proposal[]): string {
  const items = proposals.map((p) => ({
    topic: p.topic,
    ...(p.category ? { category: p.category } : {}),
    conversations: p.volume,
    accounts: p.accounts,
    drafted: p.drafted,
    question: p.question,
    answer: p.answer,
    marked: p.marks.map((m) => ({ [m.kind]: m.text })),
    decision: 'pending',
    for: 'everyone',
    confirm_marked: false,
  }));
  return `${HEADER}\n${stringify(items, { lineWidth: 0 })}`;
}

/** The lead's decisions; a file that is not such a list says where it is wrong, and nothing is applied. */
export function readReviewFile(text: string, file: string): ReviewItem[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = z.array(itemSchema).safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  item ${Number(i.path[0]) + 1}${i.path.length > 1 ? ` ${i.path.slice(1).join('.')}` : ''}: ${i.message}`);
    throw new UsageError(`${file} is not a review file (see kb suggest --out):\n${problems.join('\n')}`);
  }
  return parsed.data;
}
