import type { CoreDeps } from '../deps.js';
import { recordEscalation } from '../escalation/open-escalation.js';
import { recordGap } from '../feedback/content-gap.js';
import type { Decision } from '../model/decision.js';
import { mayClarify, recordClarification, settleClarification } from './clarification.js';
import { type Conversation, withDecision } from './conversation.js';
import { engineFailure } from './engine-failure.js';
import type { MessageOutcome } from './message-outcome.js';
import { recordAnswer } from './record-answer.js';
import { conversationMode } from '../copilot/answer-mode.js';
import { recordDraft } from '../copilot/record-draft.js';

/**
 * Runs the triage brain on the latest customer text and logs the decision once, with its inputs. With
 * `reading`, the customer has said which reading of a clarifying question they meant.
 */
export async function decide(deps: Pick<CoreDeps, 'decider' | 'log' | 'onboarding' | 'policy'>, conversation: Conversation, history: Conversation['turns'], text: string, humanButton: boolean, reading?: string): Promise<Decision> {
  // While people have the thread only an explicit request for a person matters: draft nothing.
  const signalsOnly = conversation.mode === 'human' && !humanButton;
  // In copilot mode only specialists hear from Baton: no question goes to the customer, and the draft,
  // which a specialist reads first, may draw on history.
  const copilot = !signalsOnly && (await conversationMode(deps, conversation)) === 'copilot';
  const clarify = !signalsOnly && !humanButton && reading === undefined && mayClarify(deps.policy, conversation) && !copilot;
  // Accounts leads created at run time are as much another customer as the policy's.
  const knownAccounts = ((await deps.onboarding?.store.accounts()) ?? []).map(({ id, name }) => ({ id, name }));
  const input = { text, history, accountId: conversation.accountId, knownAccounts, humanButton, signalsOnly, clarify, audience: copilot ? ('staff' as const) : ('customer' as const), ...(reading !== undefined ? { reading } : {}) };
  const decision = await deps.decider.decide(input).catch((err: unknown) => engineFailure(deps, input, err));
  const { action, category, risk, trigger, rule, confidence, threshold, complexity, sentiment, loop } = decision;
  deps.log.info(
    { conversation: conversation.key, account: conversation.accountId, mode: conversation.mode, action, category, risk, trigger, rule, confidence, threshold, complexity, sentiment, loop, reading: decision.reading },
    'triage decision',
  );
  return decision;
}

/**
 * Carries out a decision: the new state and the messages it calls for (answer, clarifying question, or
 * packet and handoff notice; in copilot mode the answer as a draft packet for a specialist instead) are
 * written in one conversation write, then handed to the delivery runner. A crash after
 * this write loses nothing: recovery delivers what is still in the outbox.
 */
export async function actOnDecision(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'log' | 'loop' | 'newId' | 'onboarding' | 'policy'>, conversation: Conversation, decision: Decision): Promise<MessageOutcome> {
  let decided = settleClarification(withDecision(conversation, decision), decision);
  let escalationId: string | undefined;
  let draftId: string | undefined;
  if (decision.action === 'clarify' && decision.readings) {
    decided = recordClarification(deps, decided, decision.readings);
  } else if (decision.action === 'escalate' && decision.trigger) {
    const copy = decision.trigger === 'engine_error' ? 'unavailable' : 'handoff';
    const recorded = await recordEscalation(deps, decided, { ...decision, trigger: decision.trigger }, copy);
    decided = recorded.conversation;
    escalationId = recorded.escalation.id;
  } else if (decision.action === 'answer' && decision.answer && (await conversationMode(deps, conversation)) === 'copilot') {
    const drafted = await recordDraft(deps, decided, decision);
    decided = drafted.conversation;
    draftId = drafted.escalation.id;
  } else if (decision.action === 'answer' && decision.answer) {
    decided = recordAnswer(deps, decided, decision.answer, decision);
  }
  await deps.conversations.put(decided);
  deps.deliveries?.schedule(decided.key);
  if (escalationId) await recordGap(deps, decided, decision, escalationId);
  return { kind: 'decided', decision, ...(escalationId ? { escalationId } : {}), ...(draftId ? { draftId } : {}) };
}
