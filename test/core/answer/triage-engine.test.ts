import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import type { Llm } from '../../../src/core/ports/llm.js';
import { SMALL_KB, smallPolicy } from './small-policy.js';

const ask = (text: string, extra: Partial<{ accountId: string; humanButton: boolean }> = {}) => ({ text, history: [], accountId: 'globex', ...extra });

describe('triage engine without an LLM', () => {
  const decider = buildDecider({ policy: smallPolicy(), kb: SMALL_KB });

  it('answers a question the KB settles, quoting the resolution with its source', async () => {
    const d = await decider.decide(ask('how do I export my dashboard report as CSV?'));
    expect(d.action).toBe('answer');
    expect(d.trigger).toBeNull();
    expect(d.answer?.citations[0]?.id).toMatch(/^kb-export-/);
    expect(d.confidence).toBeGreaterThanOrEqual(d.threshold);
  });

  it('escalates a high-risk question whatever the KB says, as high_risk', async () => {
    const d = await decider.decide(ask('we think our API key leaked, someone logged into our workspace'));
    expect(d.risk).toBe('high');
    expect(d.action).toBe('escalate');
    expect(d.trigger).toBe('high_risk');
  });

  it('treats a question resembling a conversation that needed a human as complex', async () => {
    const d = await decider.decide(ask('could you change the number of seats on our contract?'));
    expect(d.complexity).toBe('high');
    expect(d.trigger).toBe('complexity');
  });

  it('escalates with low_confidence when nothing in the KB resembles the question', async () => {
    const d = await decider.decide(ask('what is the capital of mongolia'));
    expect(d.action).toBe('escalate');
    expect(d.trigger).toBe('low_confidence');
  });

  it('never quotes one account\u2019s conversation to another account', async () => {
    const other = await decider.decide(ask('how do we rotate the webhook signing secret for our integration?', { accountId: 'globex' }));
    expect(JSON.stringify(other)).not.toContain('acme.example');
    const own = await decider.decide(ask('how do we rotate the webhook signing secret for our integration?', { accountId: 'acme' }));
    expect(own.action).toBe('answer');
    expect(own.answer?.text).toContain('hooks.acme.example');
    expect(own.answer?.text).not.toContain('INTERNAL');
  });

  it('escalates on the button and on an explicit ask, with the customer-initiated trigger', async () => {
    expect((await decider.decide(ask('how do I export a report?', { humanButton: true }))).trigger).toBe('human_button');
    expect((await decider.decide(ask('can I talk to a real person please'))).trigger).toBe('human_phrase');
    expect((await decider.decide(ask('no need to talk to anyone, how do I export a report?'))).trigger).not.toBe('human_phrase');
  });

  it('keeps the subject of a request for a person: its category and tier decide the routing', async () => {
    const d = await decider.decide(ask('can I talk to a human about someone who logged into our workspace?'));
    expect(d).toMatchObject({ action: 'escalate', trigger: 'human_phrase', category: 'security', risk: 'high' });
  });

  it('stays silent on smalltalk instead of escalating it', async () => {
    const d = await decider.decide(ask('hello there, good morning!'));
    expect(d.action).toBe('ignore');
  });
});

describe('triage engine with an LLM', () => {
  const policy = smallPolicy();
  const withLlm = (llm: Llm) => buildDecider({ policy, kb: SMALL_KB, llm });

  it('answers with the model\u2019s draft when it cites a given source', async () => {
    const llm: Llm = { draft: async (r) => ({ answer: `Drafted: ${r.sources[0]!.text}`, citations: [r.sources[0]!.id], confidence: 0.95 }) };
    const d = await withLlm(llm).decide(ask('how do I export my dashboard report as CSV?'));
    expect(d.action).toBe('answer');
    expect(d.answer?.text).toMatch(/^Drafted:/);
  });

  it('refuses a draft without citations, or citing something it was not given', async () => {
    const none: Llm = { draft: async () => ({ answer: 'Trust me.', citations: [], confidence: 1 }) };
    const forged: Llm = { draft: async () => ({ answer: 'See secret doc.', citations: ['kb-acme-private'], confidence: 1 }) };
    for (const llm of [none, forged]) {
      const d = await withLlm(llm).decide(ask('how do I export my dashboard report as CSV?'));
      expect(d.action).toBe('escalate');
      expect(d.trigger).toBe('low_confidence');
    }
  });

  it('escalates with engine_error when the model fails', async () => {
    const broken: Llm = { draft: async () => Promise.reject(new Error('timeout')) };
    const d = await withLlm(broken).decide(ask('how do I export my dashboard report as CSV?'));
    expect(d.action).toBe('escalate');
    expect(d.trigger).toBe('engine_error');
  });
});

describe('triage engine with a tiny KB', () => {
  const tiny: typeof SMALL_KB = SMALL_KB.slice(0, 2);
  const decider = buildDecider({ policy: smallPolicy(), kb: tiny });

  it('stays silent on a greeting or thanks, though no KB entry is smalltalk', async () => {
    for (const text of ['hello there!', 'thanks a lot!', 'good morning']) {
      const d = await decider.decide(ask(text));
      expect(d.action, text).toBe('ignore');
    }
  });

  it('answers a question that opens with a greeting', async () => {
    const d = await decider.decide(ask('hello there, how can I export my dashboard report as CSV?'));
    expect(d.action).toBe('answer');
  });

  it('escalates what nothing in the taxonomy or the KB resembles', async () => {
    const d = await decider.decide(ask('what is the capital of mongolia'));
    expect(d.action).toBe('escalate');
  });
});
