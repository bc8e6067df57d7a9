import type { Policy } from '../../config/policy-schema.js';
import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import type { Decision, Reading } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import { contentTerms } from '../triage/text-terms.js';
import { CLARIFY_DELIVERY_PREFIX as DELIVERY_PREFIX, isClarifyingQuestion } from './clarifying-question.js';
import { type Clarification, type Conversation, withTurn } from './conversation.js';

export { isClarifyingQuestion };

/** The clarifying question still waiting for the customer's pick, if there is one. */
export function pendingClarification(c: Conversation): Clarification | undefined {
  const last = c.clarifications?.at(-1);
  return last && !last.settled ? last : undefined;
}

/** A clarifying question may be asked: none is waiting, and the conversation is under its cap. */
export function mayClarify(policy: Policy, c: Conversation): boolean {
  return (c.clarifications?.length ?? 0) < policy.triage.clarify.max_per_conversation && !pendingClarification(c);
}

/** The turns before the request a clarifying question is about: the history its decision reads. */
export function historyBefore(c: Conversation, request: Clarification['request']): Turn[] {
  const at = request.messageId === undefined ? -1 : c.turns.findLastIndex((t) => t.role === 'customer' && t.messageId === request.messageId);
  return at >= 0 ? c.turns.slice(0, at) : c.turns.filter((t) => t.role !== 'customer');
}

/**
 * The request just decided: the customer's messages since anyone else last wrote, as one text (messages
 * sent in quick succession are one request, see message-group.ts), named by its first message.
 */
function latestRequest(c: Conversation): Clarification['request'] {
  const since = c.turns.findLastIndex((t) => t.role !== 'customer') + 1;
  const run = c.turns.slice(since);
  const first = run[0];
  return { text: run.map((t) => t.text.trim()).join('\n'), ...(first?.messageId ? { messageId: first.messageId } : {}) };
}

/**
 * The reading a typed reply names: the one whose label shares more of the reply's words than the other
 * ("the refund one" for "Billing: refund status"). None when the reply names both or neither.
 */
export function readingNamed(reply: string, readings: readonly Reading[]): Reading | undefined {
  const words = new Set(contentTerms(reply));
  const overlap = readings.map((r) => contentTerms(r.label).filter((t) => words.has(t)).length);
  const best = Math.max(...overlap);
  return best > 0 && overlap.filter((n) => n === best).length === 1 ? readings[overlap.indexOf(best)] : undefined;
}

/**
 * An answer or escalation taken while a clarifying question waits settles it, whatever led there: a
 * button, a typed reply, "Talk to a person". Its buttons then do nothing more.
 */
export function settleClarification(c: Conversation, decision: Decision): Conversation {
  const pending = pendingClarification(c);
  if (!pending || (decision.action !== 'answer' && decision.action !== 'escalate')) return c;
  const settled = { ...(decision.reading !== undefined ? { reading: decision.reading } : {}), action: decision.action };
  return { ...c, clarifications: c.clarifications!.map((x) => (x === pending ? { ...x, settled } : x)) };
}

/**
 * Asks the clarifying question: the readings as buttons and "Something else / talk to a person", recorded
 * as a bot turn and an outbox delivery in one conversation write, with the customer's last message kept
 * as the request the pick will decide.
 */
export function recordClarification(deps: Pick<CoreDeps, 'clock' | 'newId' | 'policy'>, conversation: Conversation, readings: Reading[]): Conversation {
  const { copy } = deps.policy;
  const at = deps.clock.now();
  const asked: Clarification = { at, request: latestRequest(conversation), readings };
  const clarifications = [...(conversation.clarifications ?? []), asked];
  const id = `${DELIVERY_PREFIX}${deps.newId()}`;
  const options = readings.map((r) => r.label);
  const text = `${copy.clarify_question} ${options.join(' / ')}`;
  const withQuestion = withTurn({ ...conversation, clarifications }, { role: 'bot', text, at, deliveryId: id });
  return withDeliveries(withQuestion, [
    {
      id,
      kind: 'customer',
      purpose: 'question',
      createdAt: at,
      message: {
        kind: 'choice',
        text: copy.clarify_question,
        options,
        choose: { conversationKey: conversation.key, ask: clarifications.length - 1 },
        other: { label: copy.clarify_other_button, conversationKey: conversation.key },
      },
    },
  ]);
}
