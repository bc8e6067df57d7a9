import { describe, expect, it } from 'vitest';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import type { Llm, LlmDraft, LlmDraftRequest } from '../../../src/core/ports/llm.js';
import { NAME_TOPICS } from '../../e2e/clarify-knowledge.js';
import { smallPolicy } from './small-policy.js';

const policy = smallPolicy();
/** Imported tickets as `kb ingest` stores them without --answers: history, one of them an account's. */
const HISTORY: KnowledgeEntry[] = [
  { id: 'zd-1', kind: 'conversation', purpose: 'history', account: 'acme', category: 'how_to', topic: 'export_report', question: 'How can I export my dashboard as a CSV report?', answer: 'I have emailed the CSV of your dashboard to you; Acme exports go to the admin.' },
  { id: 'ic-2', kind: 'conversation', category: 'how_to', topic: 'export_report', question: 'Is there a way to download the report data to a spreadsheet?', answer: 'Use Export > CSV on any dashboard.' },
];
/** The vendor's article on the same topic: an answer. */
const ARTICLE: KnowledgeEntry = { id: 'doc:reports.md#export', kind: 'doc', category: 'how_to', topic: 'export_report', title: 'Reports: export', question: 'How do I export a dashboard report to CSV?', answer: 'Open the dashboard, choose Export, then CSV.' };

const ask = (accountId: string, audience?: 'customer' | 'staff') => ({ text: 'how can I export my dashboard report as a CSV?', history: [], accountId, ...(audience ? { audience } : {}) });

/** A model that drafts from whatever it is given, and remembers what that was. */
class RecordingLlm implements Llm {
  readonly seen: LlmDraftRequest[] = [];
  constructor(private readonly write: (r: LlmDraftRequest) => string) {}
  async draft(r: LlmDraftRequest): Promise<LlmDraft> {
    this.seen.push(r);
    return { answer: this.write(r), citations: r.sources.map((s) => s.id), confidence: 0.95 };
  }
}

describe('answers, not history, reach a customer', () => {
  it('hands a question known only from history to a person, for the account it came from and for another', async () => {
    const decider = buildDecider({ policy, kb: HISTORY });
    for (const account of ['acme', 'globex']) {
      const d = await decider.decide(ask(account));
      expect(d).toMatchObject({ action: 'escalate', trigger: 'low_confidence', topic: 'export_report' });
      expect(d.answer).toBeUndefined();
    }
  });

  it('quotes the answer on the topic, never the history beside it', async () => {
    const d = await buildDecider({ policy, kb: [...HISTORY, ARTICLE] }).decide(ask('globex'));
    expect(d.action).toBe('answer');
    expect(d.answer!.text).toBe(ARTICLE.answer);
    expect(d.answer!.citations.map((c) => c.id)).toEqual([ARTICLE.id]);
  });

  it('gives a model only answers to ground a customer reply on', async () => {
    const llm = new RecordingLlm((r) => r.sources.map((s) => s.text).join(' '));
    const d = await buildDecider({ policy, kb: [...HISTORY, ARTICLE], llm }).decide(ask('globex'));
    expect(llm.seen[0]!.sources.map((s) => s.id)).toEqual([ARTICLE.id]);
    expect(d.action).toBe('answer');
  });

  it('lets history ground a copilot draft that only staff see, guarded all the same', async () => {
    const d = await buildDecider({ policy, kb: [HISTORY[0]!] }).decide(ask('acme', 'staff'));
    expect(d.action).toBe('answer');
    expect(d.answer!.text).toBe(HISTORY[0]!.answer);
    expect(d.rule).toMatch(/stopped before it reached the customer: it claims an action nobody took in this conversation \("I have emailed"\)/);
  });

  it('quotes an account\u2019s approved answer to that account only', async () => {
    const approved: KnowledgeEntry = { ...HISTORY[1]!, id: 'escalation:9', purpose: 'answer', account: 'acme' };
    const decider = buildDecider({ policy, kb: [...HISTORY, approved] });
    expect(await decider.decide(ask('acme'))).toMatchObject({ action: 'answer', answer: { text: approved.answer } });
    expect(await decider.decide(ask('globex'))).toMatchObject({ action: 'escalate', trigger: 'low_confidence' });
  });
});

describe('the guard on every customer-bound answer', () => {
  it('turns a quoted answer that claims an action into a handoff, with the reason for the packet and Why', async () => {
    const claiming: KnowledgeEntry = { ...ARTICLE, id: 'qa-7', kind: 'conversation', purpose: 'answer', answer: 'I\u2019ve refunded the duplicate charge; exports are under Export > CSV.' };
    const d = await buildDecider({ policy, kb: [claiming] }).decide(ask('globex'));
    expect(d).toMatchObject({ action: 'escalate', trigger: 'guarded' });
    expect(d.rule).toMatch(/claims an action nobody took in this conversation \("I\u2019ve refunded"\)/);
    // The specialist sees what was stopped; the customer got nothing.
    expect(d.answer!.text).toBe(claiming.answer);
  });

  it('quotes the topic\u2019s next answer when the closest one would be stopped', async () => {
    const claiming: KnowledgeEntry = { ...ARTICLE, id: 'qa-8', kind: 'conversation', purpose: 'answer', question: ask('globex').text, answer: 'I\u2019ve enabled CSV exports for you: use Export > CSV.' };
    const d = await buildDecider({ policy, kb: [claiming, ARTICLE] }).decide(ask('globex'));
    expect(d).toMatchObject({ action: 'answer', answer: { text: ARTICLE.answer } });
  });

  it('asks no clarifying question whose button would read another account’s name', async () => {
    const titled = (title: string) => NAME_TOPICS.map((e) => (e.topic === 'display_name' ? { ...e, title } : e));
    const ask = (title: string) => buildDecider({ policy, kb: titled(title) }).decide({ text: 'How do I change the name?', history: [], accountId: 'globex', clarify: true });
    expect((await ask('Display name')).action).toBe('clarify');
    const decision = await ask('Acme display name');
    expect(decision.action).not.toBe('clarify');
    expect(JSON.stringify(decision.readings ?? [])).not.toContain('Acme');
  });

  it('lets a model’s draft say back the name the customer just gave, and no other', async () => {
    const input = { ...ask('globex'), text: 'I am Dana Fox: how can I export my dashboard report as a CSV?' };
    const named = (name: string) => buildDecider({ policy, kb: [ARTICLE], llm: new RecordingLlm(() => `${name}, use Export > CSV on the dashboard.`) }).decide(input);
    expect(await named('Dana Fox')).toMatchObject({ action: 'answer' });
    expect(await named('Priya Raghunathan')).toMatchObject({ action: 'escalate', trigger: 'guarded', rule: expect.stringMatching(/names a person \(Priya Raghunathan\)/) });
  });

  it('shows no source title naming another account or a person: the answer keeps a neutral one', async () => {
    const tagged = (title: string): KnowledgeEntry => ({ ...ARTICLE, id: 'qa-9', kind: 'conversation', purpose: 'answer', title });
    for (const title of ['Acme sso migration', 'Joerg Mueller-Luedenscheidt']) {
      const d = await buildDecider({ policy, kb: [tagged(title)] }).decide(ask('globex'));
      expect(d).toMatchObject({ action: 'answer', answer: { text: ARTICLE.answer } });
      expect(d.answer!.citations).toEqual([expect.objectContaining({ id: 'qa-9', title: 'From our support team' })]);
    }
    const own = await buildDecider({ policy, kb: [tagged('Acme sso migration')] }).decide(ask('acme'));
    expect(own.answer!.citations).toEqual([expect.objectContaining({ title: 'Acme sso migration' })]);
  });

  it('turns a model\u2019s draft naming another account, or carrying personal data, into a handoff', async () => {
    const drafts = ['Like Acme, use Export > CSV on the dashboard.', 'Ask j.doe@globex.example to use Export > CSV on the dashboard.'];
    const found = [/names another account \(acme\)/, /personal data \(email\)/];
    for (const [i, text] of drafts.entries()) {
      const d = await buildDecider({ policy, kb: [ARTICLE], llm: new RecordingLlm(() => text) }).decide(ask('globex'));
      expect(d).toMatchObject({ action: 'escalate', trigger: 'guarded' });
      expect(d.rule).toMatch(found[i]!);
    }
  });
});

describe('topics the policy does not know', () => {
  it('takes the unknown-topic tier, high by default: an imported "Refund" category is handed to a person', async () => {
    const refunds: KnowledgeEntry[] = ['How do I get my money back for the duplicate charge?', 'I was charged twice, can I get a refund?', 'refund the duplicate payment please'].map((question, i) => ({
      id: `fd-${i}`, kind: 'conversation', purpose: 'answer', category: 'Refund', question, answer: 'Refunds are issued to the original card within 5 days.',
    }));
    const d = await buildDecider({ policy, kb: refunds }).decide({ text: 'can I get a refund for a duplicate charge?', history: [], accountId: 'globex' });
    expect(d).toMatchObject({ action: 'escalate', trigger: 'high_risk', risk: 'high', category: 'Refund' });
    const lenient = smallPolicy('triage: { unknown_topic_risk: low }');
    expect(await buildDecider({ policy: lenient, kb: refunds }).decide({ text: 'can I get a refund for a duplicate charge?', history: [], accountId: 'globex' })).toMatchObject({ action: 'answer', risk: 'low' });
  });
});
