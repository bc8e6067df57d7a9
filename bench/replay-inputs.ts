import { join } from 'node:path';
import { toDecisionInput } from '../src/cli/triage/ticket.js';
import type { DecisionInput } from '../src/core/ports/decider.js';
import { readItems } from '../test/eval/labelled-set.js';
import { FIXTURES } from './bench-seed.js';

/**
 * The decisions of one round over the dev set, as production sees them: a single message is one
 * decision, a thread is one decision per customer message with the turns before it as history (so
 * the search cache meets earlier turns as it would live, and not otherwise). Every round asks as other
 * accounts, so no (account, text) pair repeats between rounds and the cache cannot replay answers.
 */
export function replayRound(round: number, accounts: number): DecisionInput[] {
  const items = readItems(join(FIXTURES, 'dev.jsonl'));
  return items.flatMap((item, i) => {
    const account = `acct-${(i * 7 + round * 61) % accounts}`;
    if (!item.turns) return [toDecisionInput({ id: item.id, account, text: item.text })];
    const turns = item.turns;
    return turns.flatMap((t, j) => (t.role === 'customer' ? [toDecisionInput({ id: item.id, account, turns: turns.slice(0, j + 1) })] : []));
  });
}
