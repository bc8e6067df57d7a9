import type { Conversation } from '../conversation/conversation.js';
import type { CoreDeps } from '../deps.js';
import type { Decision } from '../model/decision.js';
import type { GapFact } from '../ports/feedback-log.js';
import { redact } from './redact.js';

/** Example questions are short: enough for a lead to see what was asked, never a whole thread. */
const EXAMPLE_CHARS = 300;

/** A customer's question as leads may read it in the review, the digest and the CSV: redacted, on one line, clipped. */
export function exampleQuestion(text: string): string {
  const line = redact(text).replace(/\s+/g, ' ').trim();
  return line.length > EXAMPLE_CHARS ? `${line.slice(0, EXAMPLE_CHARS - 1)}\u2026` : line;
}

/** What Baton could not answer: the knowledge had nothing quotable, or a draft fell below the risk tier's bar. */
export function gapOf(conversation: Conversation, decision: Decision, escalationId: string, at: number): GapFact | undefined {
  if (decision.action !== 'escalate' || decision.trigger !== 'low_confidence') return undefined;
  const question = conversation.turns.findLast((t) => t.role === 'customer')?.text ?? '';
  return {
    kind: 'gap',
    id: `gap:${escalationId}`,
    at,
    accountId: conversation.accountId,
    category: decision.category,
    ...(decision.topic ? { topic: decision.topic } : {}),
    reason: decision.answer ? 'below_threshold' : 'no_source',
    question: exampleQuestion(question),
  };
}

/**
 * Notes a question Baton handed over for want of knowledge. The escalation is already stored and on
 * its way: a failed note costs a line in the review, never the customer's handoff, so it is logged.
 */
export async function recordGap(deps: Pick<CoreDeps, 'clock' | 'log' | 'loop'>, conversation: Conversation, decision: Decision, escalationId: string): Promise<void> {
  const gap = gapOf(conversation, decision, escalationId, deps.clock.now());
  if (!gap || !deps.loop) return;
  await deps.loop.feedback.record(gap).catch((err: unknown) => {
    deps.log.warn({ err, conversation: conversation.key, escalationId }, 'could not note a content gap');
  });
}
