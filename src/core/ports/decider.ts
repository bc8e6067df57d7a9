import type { Decision } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import type { Reader } from './knowledge.js';

export interface DecisionInput {
  /** The customer's latest message. */
  text: string;
  /** Earlier turns of the same conversation, oldest first, without the latest message. */
  history: Turn[];
  /** The account the conversation belongs to: knowledge from other accounts is never used. */
  accountId: string;
  /**
   * Accounts Baton knows besides the policy's (those leads created when mapping a channel): no text to
   * this customer may name any of them either.
   */
  knownAccounts?: readonly { id: string; name: string }[];
  /** The customer pressed "Talk to a person". */
  humanButton?: boolean;
  /** Only the signals are wanted (people have the thread): no answer is drafted, no model is called. */
  signalsOnly?: boolean;
  /** A clarifying question may be asked instead of deciding, when two readings are close. */
  clarify?: boolean;
  /**
   * Read without the model: the quoted resolution stands in for a drafted answer. Quick and free, for a
   * first look at a message (is it a request on its own?); never sent to anyone, never counted.
   */
  withoutModel?: boolean;
  /**
   * Who reads the drafted text: a customer (the default; only answers ground it), or staff (copilot mode:
   * the draft waits for a specialist, so imported history may ground it too).
   */
  audience?: Reader;
  /** The topic the customer picked in answer to a clarifying question: decide as if it were the only reading. */
  reading?: string;
}

/** The triage brain: signals -> trigger matrix -> answer or escalate. */
export interface Decider {
  decide(input: DecisionInput): Promise<Decision>;
}
