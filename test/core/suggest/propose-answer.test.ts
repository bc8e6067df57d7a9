import { describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import type { Llm, LlmDraftRequest } from '../../../src/core/ports/llm.js';
import { approveAnswer } from '../../../src/core/suggest/approve-answer.js';
import { draftProposal, proposeTopics } from '../../../src/core/suggest/propose-answer.js';
import { historyTopics } from '../../../src/core/suggest/topic-suggestions.js';

const conv = (id: string, topic: string, answer: string, account = 'globex'): KnowledgeEntry => ({ id, kind: 'conversation', question: `question ${id}`, answer, topic, account });

const HISTORY: KnowledgeEntry[] = [
  conv('r1', 'refund', "Hi Jane,\nI've refunded EUR 40.00 to your card. Refunds go back to the original payment method within 5 business days.\nBest,\nTom"),
  conv('r2', 'refund', 'Refunds go back to the original payment method within 5 business days. Billing > Payments lists each refund.', 'initech'),
  conv('r3', 'refund', 'Passing to billing, they own this.'),
  conv('s1', 'sso', 'SSO is under Admin > Security > SAML.'),
  { id: 'a1', kind: 'conversation', purpose: 'answer', question: 'q', answer: 'An approved answer.', topic: 'sso' },
  { id: 'd1', kind: 'doc', question: 'Docs', answer: 'A doc.', topic: 'docs' },
];

describe('historyTopics', () => {
  it('groups history by topic, largest first, leaving out answers, docs and resolutions with nothing left after cleaning', () => {
    const topics = historyTopics(HISTORY, { top: 20 });
    expect(topics.map((t) => [t.topic, t.volume, t.resolutions.length])).toEqual([
      ['refund', 3, 2],
      ['sso', 1, 1],
    ]);
    expect(topics[0]!.accounts).toEqual(['globex', 'initech']);
    expect(historyTopics(HISTORY, { top: 1 }).map((t) => t.topic)).toEqual(['refund']);
    expect(historyTopics(HISTORY, { top: 20, skip: new Set(['refund']) }).map((t) => t.topic)).toEqual(['sso']);
  });

  it('proposes, without a model, the resolution the others share most words with and the fewest marked spans', async () => {
    const [refund] = await proposeTopics(HISTORY, { top: 1 });
    expect(refund).toMatchObject({ drafted: 'representative', answer: 'Refunds go back to the original payment method within 5 business days. Billing > Payments lists each refund.', marks: [], from: ['r2'] });
  });
});

class FakeLlm implements Llm {
  requests: LlmDraftRequest[] = [];
  constructor(private readonly reply: string | Error) {}
  async draft(request: LlmDraftRequest) {
    this.requests.push(request);
    if (this.reply instanceof Error) throw this.reply;
    return { answer: this.reply, citations: [], confidence: 0.9 };
  }
}

describe('draftProposal', () => {
  const [refund] = historyTopics(HISTORY, { top: 1 });

  it('asks the model for one general answer from the cleaned resolutions, and cleans and marks what it writes', async () => {
    const llm = new FakeLlm('Hi there,\nRefunds go back to the original payment method within 5 business days; Billing > Payments lists them. On 3 Nov 2025 we changed this.\nBest regards,\nSupport');
    const p = await draftProposal(llm, refund!);
    expect(p.drafted).toBe('llm');
    expect(p.answer).toBe('Refunds go back to the original payment method within 5 business days; Billing > Payments lists them. On 3 Nov 2025 we changed this.');
    expect(p.marks.map((m) => m.kind)).toEqual(['date', 'action']);
    const sources = llm.requests[0]!.sources.map((s) => s.text).join('\n');
    expect(sources).not.toMatch(/Hi Jane|Tom|Passing to billing/);
    expect(llm.requests[0]!.question).toContain('every customer who asks about "refund"');
  });

  it('falls back to the representative resolution when the model fails or writes nothing usable', async () => {
    expect((await draftProposal(new FakeLlm(new Error('timeout')), refund!)).drafted).toBe('representative');
    expect((await draftProposal(new FakeLlm('Thanks for reaching out!'), refund!)).drafted).toBe('representative');
  });
});

describe('approveAnswer', () => {
  const base = { topic: 'refund', question: 'Can I get a refund?', by: 'lead', at: new Date(0), confirmMarked: false };

  it('makes a customer-facing answer for everyone or one account, redacted again', () => {
    const everyone = approveAnswer({ ...base, answer: 'Refunds go back to the card. Mail help@vendor.example.', scope: { everyone: true }, confirmMarked: true });
    expect(everyone).toMatchObject({ ok: true, entry: { id: 'answer:refund', purpose: 'answer', answer: 'Refunds go back to the card. Mail [EMAIL].', shared: { by: 'lead' } } });
    const one = approveAnswer({ ...base, answer: 'Refunds go back to the card.', scope: { account: 'globex' } });
    expect(one).toMatchObject({ ok: true, entry: { id: 'answer:refund@globex', account: 'globex', purpose: 'answer' } });
  });

  it('refuses while a marked span is left in and not confirmed, and refuses an empty answer', () => {
    const marked = approveAnswer({ ...base, answer: "I've refunded EUR 40.00.", scope: { everyone: true } });
    expect(marked).toMatchObject({ ok: false, reason: 'marked', marks: [{ kind: 'action' }] });
    expect(approveAnswer({ ...base, answer: '  ', scope: { everyone: true } })).toEqual({ ok: false, reason: 'empty' });
  });
});
