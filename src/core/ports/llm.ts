/** A knowledge source handed to the model: only customer-safe text, already scoped to the account. */
export interface LlmSource {
  id: string;
  title: string;
  text: string;
}

export interface LlmDraftRequest {
  question: string;
  /** Earlier turns, oldest first, as plain "customer:"/"bot:" lines. */
  history: string[];
  sources: LlmSource[];
}

/** What the model must return (enforced with a JSON schema): no citation means no answer. */
export interface LlmDraft {
  answer: string;
  citations: string[];
  confidence: number;
}

/** Any OpenAI-compatible chat model. Rejects on timeout or error; the caller escalates. */
export interface Llm {
  draft(request: LlmDraftRequest): Promise<LlmDraft>;
}
