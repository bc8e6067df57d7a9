import type { Env } from '../../config/env.js';
import type { Llm } from '../../core/ports/llm.js';
import type { Metrics } from '../../core/ports/metrics.js';
import { OpenAiLlm } from './openai-llm.js';

/**
 * LLM drafting is on when OPENAI_API_KEY or OPENAI_BASE_URL is set: a base URL alone means a keyless
 * OpenAI-compatible server (a local model, say), called without an Authorization header.
 */
export function llmFrom(env: Env, metrics: Metrics): Llm | undefined {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return undefined;
  return new OpenAiLlm({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL, timeoutMs: env.OPENAI_TIMEOUT_MS, metrics });
}
