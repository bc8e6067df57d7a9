/** The rating prompt a customer is shown in their thread. */
export interface CsatPrompt {
  question: string;
  conversationKey: string;
  /** One button each, worst first; `value` is the rating. */
  scale: { value: number; label: string }[];
}
