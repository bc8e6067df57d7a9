import type { CoreDeps } from '../deps.js';
import { openEscalation } from '../escalation/open-escalation.js';
import type { Decision, TriggerType } from '../model/decision.js';
import type { Conversation } from './conversation.js';
import { decideSafely } from './decide-safely.js';
import type { MessageOutcome } from './handle-message.js';
import { replyWithAnswer } from './reply-with-answer.js';

/** Runs the triage brain on the latest customer text and logs the decision once, with its inputs. */
export async function decide(deps: CoreDeps, conversation: Conversation, history: Conversation['turns'], text: string, humanButton: boolean): Promise<Decision> {
  // While people have the thread only an explicit request for a person matters: draft nothing.
  const signalsOnly = conversation.mode === 'human' && !humanButton;
  const decision = await decideSafely(deps, { text, history, accountId: conversation.accountId, humanButton, signalsOnly });
  const { action, category, risk, trigger, rule, confidence, threshold, complexity, sentiment, loop } = decision;
  deps.log.info(
    { conversation: conversation.key, account: conversation.accountId, mode: conversation.mode, action, category, risk, trigger, rule, confidence, threshold, complexity, sentiment, loop },
    'triage decision',
  );
  return decision;
}

/** Carries out a decision: hand over, answer, or stay silent; the decision is stored with the conversation. */
export async function actOnDecision(deps: CoreDeps, conversation: Conversation, decision: Decision): Promise<MessageOutcome> {
  const decided: Conversation = { ...conversation, decisions: [...conversation.decisions, decision] };
  if (decision.action === 'escalate' && decision.trigger) {
    return escalate(deps, decided, decision, decision.trigger);
  }
  if (decision.action === 'answer' && decision.answer) {
    try {
      await replyWithAnswer(deps, decided, decision.answer);
      return { kind: 'decided', decision };
    } catch (err) {
      // The answer could not be delivered: a person takes it rather than the customer hearing nothing.
      deps.log.error({ err, conversation: decided.key }, 'answer could not be delivered; handing over');
      const undelivered: Decision = { ...decision, action: 'escalate', trigger: 'engine_error', rule: `${decision.rule}; the answer could not be delivered` };
      return escalate(deps, { ...decided, decisions: [...conversation.decisions, undelivered] }, undelivered, 'engine_error');
    }
  }
  await deps.conversations.put(decided);
  return { kind: 'decided', decision };
}

async function escalate(deps: CoreDeps, conversation: Conversation, decision: Decision, trigger: TriggerType): Promise<MessageOutcome> {
  const copy = trigger === 'engine_error' ? 'unavailable' : 'handoff';
  const { escalation } = await openEscalation(deps, conversation, { ...decision, trigger }, copy);
  return { kind: 'decided', decision, escalationId: escalation.id };
}
