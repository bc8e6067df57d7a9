import type { Policy } from '../../src/config/policy-schema.js';
import { buildDecider } from '../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { OpenAiLlm } from '../../src/infra/llm/openai-llm.js';
import { startFakeOpenAi, userDocument } from '../fakes/fake-openai.js';
import { decideAll } from './decide-all.js';
import type { EvalItem } from './eval-setup.js';
import { formatReport, score } from './metrics.js';

/**
 * The same set through the LLM engine, against a fake OpenAI-compatible server on loopback that cites
 * the first source it is given with confidence 0.9. It proves the wiring (structured output, grounding,
 * scoping), not a model's quality. Returns failures: engine errors, or answers without a citation.
 */
export async function runLlmPass(policy: Policy, kb: KnowledgeEntry[], items: EvalItem[]): Promise<string[]> {
  const fake = await startFakeOpenAi((req) => {
    const doc = userDocument(req);
    const first = doc.sources[0];
    return { content: JSON.stringify(first ? { answer: first.text, citations: [first.id], confidence: 0.9 } : { answer: '', citations: [], confidence: 0 }) };
  });
  try {
    const llm = new OpenAiLlm({ apiKey: 'test-key', baseURL: fake.url, model: 'fake-model', timeoutMs: 5000, maxRetries: 0 });
    const decided = await decideAll(buildDecider({ policy, kb, llm }), items);
    console.log(`\n${formatReport(`LLM engine via fake OpenAI server (${fake.requests.length} model calls)`, score(decided.map((d) => d.scored)))}`);
    const failures: string[] = [];
    const errors = decided.filter((d) => d.decision.trigger === 'engine_error').length;
    if (errors > 0) failures.push(`LLM pass: ${errors} engine errors against a healthy fake server`);
    if (fake.requests.length === 0) failures.push('LLM pass: the model was never called');
    const uncited = decided.filter((d) => d.decision.action === 'answer' && !d.decision.answer?.citations.length).length;
    if (uncited > 0) failures.push(`LLM pass: ${uncited} answers without a citation`);
    return failures;
  } finally {
    await fake.close();
  }
}
