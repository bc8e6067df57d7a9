import type { Decision } from '../model/decision.js';
import type { Turn } from '../model/message.js';

export interface DecisionInput {
  /** The customer's latest message. */
  text: string;
  /** Earlier turns of the same conversation, oldest first, without the latest message. */
  history: Turn[];
  /** The account the conversation belongs to: knowledge from other accounts is never used. */
  accountId: string;
  /** The customer pressed "Talk to a person". */
  humanButton?: boolean;
  /** Only the signals are wanted (people have the thread): no answer is drafted, no model is called. */
  signalsOnly?: boolean;
}

/** The triage brain: signals -> trigger matrix -> answer or escalate. */
export interface Decider {
  decide(input: DecisionInput): Promise<Decision>;
}
