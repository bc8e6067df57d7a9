/** One answer Baton gave: its conversation and the outbox delivery that carried it (the bot turn's `deliveryId`). */
export interface AnswerRef {
  conversationKey: string;
  answerId: string;
}

/**
 * The opaque value a feedback button carries. Neither part holds whitespace (answer ids are minted by
 * Baton, conversation keys are platform ids), so one space separates them.
 */
export function answerRefValue(ref: AnswerRef): string {
  return `${ref.answerId} ${ref.conversationKey}`;
}

export function parseAnswerRef(value: string): AnswerRef | undefined {
  const match = /^(answer:[A-Za-z0-9_-]{1,64}) (\S{3,400})$/.exec(value);
  return match ? { answerId: match[1]!, conversationKey: match[2]! } : undefined;
}
