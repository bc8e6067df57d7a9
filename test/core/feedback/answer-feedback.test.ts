import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { buildDeciderWithIndex } from '../../../src/core/answer/build-decider.js';
import type { Conversation } from '../../../src/core/conversation/conversation.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import type { LoopDeps } from '../../../src/core/deps.js';
import { voteOnAnswer } from '../../../src/core/feedback/answer-vote.js';
import { gapsCsv, loadFeedbackReview } from '../../../src/core/feedback/content-gaps.js';
import type { Author } from '../../../src/core/model/message.js';
import type { CustomerMessage } from '../../../src/core/ports/chat-gateway.js';
import { createLogger } from '../../../src/infra/logger.js';
import { E2E_KNOWLEDGE } from '../../e2e/knowledge.js';
import { InMemoryFeedbackLog } from '../../fakes/in-memory-feedback-log.js';

const policy = loadPolicy('test/fixtures/e2e/baton.loop.yaml');
const ACME = 'C0ACME0001';
const customer: Author = { id: 'U0CUST0001', name: 'Casey', isExternal: true };
const colleague: Author = { id: 'U0CUST0002', name: 'Robin', isExternal: true };
const staff: Author = { id: 'U0ANA00001', name: 'Ana', isExternal: false };

/** The core with its ports in memory: conversations in a map, the feedback log, no delivery. */
function world(feedbackOn = true) {
  const conversations = new Map<string, Conversation>();
  const feedback = new InMemoryFeedbackLog();
  let now = Date.UTC(2026, 10, 30, 12);
  let ids = 0;
  const deps = {
    policy: { ...policy, answer_feedback: { ...policy.answer_feedback, enabled: feedbackOn } },
    decider: buildDeciderWithIndex({ policy, kb: E2E_KNOWLEDGE }).decider,
    conversations: { get: async (k: string) => conversations.get(k), put: async (c: Conversation) => void conversations.set(c.key, c) },
    locks: { run: <T>(_k: string, work: () => Promise<T>) => work() },
    clock: { now: () => now },
    log: createLogger('silent'),
    newId: () => `E-T${++ids}`,
    loop: { feedback },
  } as unknown as LoopDeps;
  const ask = async (text: string, thread: string) => {
    now += 1000;
    await handleMessage(deps, { id: thread, ref: { platform: 'slack', channel: ACME, thread }, author: customer, text, at: now });
    return conversations.get(`slack:${ACME}:${thread}`)!;
  };
  return { deps, feedback, conversations, ask };
}

/** The answer as it would go out: its Helpful / Not helpful buttons name it. */
function answerOf(c: Conversation): Extract<CustomerMessage, { kind: 'answer' }> {
  const delivery = c.outbox?.find((d) => d.kind === 'customer' && d.message.kind === 'answer');
  if (delivery?.kind !== 'customer' || delivery.message.kind !== 'answer') throw new Error('no answer in the outbox');
  return delivery.message;
}

describe('feedback on an answer', () => {
  it('goes out with every answer, and "Not helpful" hands the conversation to a person at once', async () => {
    const w = world();
    const asked = await w.ask('How do I invite a teammate?', '1.0');
    const answer = answerOf(asked);
    expect(answer.feedback).toMatchObject({ helpful: 'Helpful', notHelpful: 'Not helpful' });

    const outcome = await voteOnAnswer(w.deps, answer.feedback!.answer, customer, 'not_helpful');
    expect(outcome).toMatchObject({ kind: 'recorded', handoff: { kind: 'decided', escalationId: expect.any(String) } });
    const after = w.conversations.get(asked.key)!;
    expect(after.mode).toBe('escalated');
    expect(after.decisions.at(-1)?.trigger).toBe('human_button');
    const [vote] = await w.feedback.list(0, Infinity);
    expect(vote).toMatchObject({ kind: 'vote', vote: 'not_helpful', category: 'how_to', sources: ['Inviting teammates'], question: 'How do I invite a teammate?' });
  });

  it('counts once per answer however often it is pressed, and only from the conversation\u2019s own customers', async () => {
    const w = world();
    const answer = answerOf(await w.ask('How can I export a report to CSV?', '2.0')).feedback!.answer;
    expect(await voteOnAnswer(w.deps, answer, staff, 'not_helpful')).toEqual({ kind: 'not_customer' });
    expect(await w.feedback.list(0, Infinity)).toEqual([]);

    expect(await voteOnAnswer(w.deps, answer, colleague, 'not_helpful')).toEqual({ kind: 'not_your_conversation' });
    for (const who of [customer, customer]) expect(await voteOnAnswer(w.deps, answer, who, 'helpful')).toEqual({ kind: 'recorded', vote: 'helpful' });
    const { feedback } = await loadFeedbackReview(w.feedback, Date.UTC(2026, 11, 1), 7);
    expect(feedback.total).toMatchObject({ helpful: 1, notHelpful: 0, rate: 1 });
    expect(feedback.byCategory).toEqual([{ key: 'how_to', helpful: 1, notHelpful: 0, rate: 1 }]);
    expect(feedback.bySource).toEqual([{ key: 'Exporting reports', helpful: 1, notHelpful: 0, rate: 1 }]);
  });

  it('is not offered when the policy switches it off', async () => {
    const w = world(false);
    const answer = answerOf(await w.ask('How do I invite a teammate?', '6.0'));
    expect(answer.offerHuman.label).toBe('Talk to a person');
    expect(answer.feedback).toBeUndefined();
  });

  it('for an answer no longer on record is not counted', async () => {
    const w = world();
    expect(await voteOnAnswer(w.deps, { conversationKey: `slack:${ACME}:9.0`, answerId: 'answer:E-GONE' }, customer, 'helpful')).toEqual({ kind: 'not_found' });
  });
});

describe('content gaps', () => {
  it('group what Baton could not answer by topic, with a redacted example, and export it as CSV', async () => {
    const w = world();
    await w.ask('Why were we charged twice for the same invoice this month? Mail me at casey@acme.example', '3.0');
    await w.ask('Why were we charged twice on our invoice?', '4.0');
    const notHelpful = answerOf(await w.ask('How do I invite a teammate?', '5.0')).feedback!.answer;
    await voteOnAnswer(w.deps, notHelpful, customer, 'not_helpful');

    const { gaps } = await loadFeedbackReview(w.feedback, Date.UTC(2026, 11, 1), 7);
    const billing = gaps.find((g) => g.category === 'billing');
    expect(billing).toMatchObject({ count: 2, accounts: 1 });
    expect(billing!.noSource + billing!.belowThreshold).toBe(2);
    expect(billing!.examples).toHaveLength(2);
    expect(billing!.examples.join(' ')).toContain('[EMAIL]');
    expect(billing!.examples.join(' ')).not.toContain('casey@acme.example');
    expect(gaps.find((g) => g.category === 'how_to')).toMatchObject({ count: 1, notHelpful: 1 });

    const csv = gapsCsv(gaps).split('\r\n');
    expect(csv[0]).toBe('topic,category,questions,no_source,below_threshold,not_helpful,accounts,example_questions,nearest_articles');
    expect(csv.find((l) => l.includes('"billing"'))).toMatch(/,"2",/);
    expect(csv.join('\n')).not.toContain('casey@acme.example');
  });
});
