import type { AnswerRef } from './answer-ref.js';
import type { Citation } from './decision.js';

/** What the customer sees. Only these three shapes ever reach a shared channel. */
export type CustomerMessage =
  | {
      kind: 'answer';
      text: string;
      citations: Citation[];
      /** The "Talk to a person" button under every answer. */
      offerHuman: { label: string; footer: string; conversationKey: string };
      /** Helpful / Not helpful under the answer (policy `answer_feedback`); absent when switched off. */
      feedback?: { helpful: string; notHelpful: string; answer: AnswerRef };
    }
  | { kind: 'notice'; text: string }
  | {
      /** A clarifying question: one button per reading, and a way out to a person. */
      kind: 'choice';
      text: string;
      options: string[];
      /** Which clarifying question of the conversation this is: a button press names it with the option's index. */
      choose: { conversationKey: string; ask: number };
      /** The "Something else / talk to a person" button: the same as "Talk to a person". */
      other: { label: string; conversationKey: string };
    };
