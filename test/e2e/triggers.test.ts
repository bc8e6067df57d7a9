import { beforeEach, describe, expect, it } from 'vitest';
import { triggerInitiator, type TriggerType } from '../../src/core/model/decision.js';
import { ACME_CHANNEL, customer, type Harness, useHarness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

/** Waits for the escalation of a thread and returns it with the decision stored on the conversation. */
async function escalationOf(thread: string) {
  await h.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Escalation '));
  const conversation = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${thread}`);
  expect(conversation?.mode).toBe('escalated');
  const escalation = await h.baton.core.escalations.get(conversation!.escalationId!);
  return { conversation: conversation!, escalation: escalation! };
}

async function expectTrigger(thread: string, trigger: TriggerType, initiator: 'ai' | 'customer') {
  const { conversation, escalation } = await escalationOf(thread);
  expect(escalation.trigger).toBe(trigger);
  const last = conversation.decisions.at(-1)!;
  expect(last).toMatchObject({ action: 'escalate', trigger });
  expect(last.rule.length).toBeGreaterThan(0);
  const packet = h.fake.calls('chat.postMessage').find((c) => String(c.args.text).includes(escalation.id))!;
  expect(JSON.stringify(packet.args.blocks)).toContain('Why it escalated');
  expect(triggerInitiator(escalation.trigger)).toBe(initiator);
  return escalation;
}

describe('each trigger produces its escalation and record', () => {
  it('an explicit request for a person (customer-initiated)', async () => {
    const thread = await h.say(customer, 'Could I speak to a real person about this please?');
    await expectTrigger(thread, 'human_phrase', 'customer');
  });

  it('a high-risk topic (AI-initiated)', async () => {
    const thread = await h.say(customer, 'Please delete all personal data you hold about one of our former employees');
    const e = await expectTrigger(thread, 'high_risk', 'ai');
    expect(e.decision.risk).toBe('high');
  });

  it('a medium-risk question without a confident answer (AI-initiated)', async () => {
    const thread = await h.say(customer, 'Why were we charged twice for the same invoice this month?');
    const e = await expectTrigger(thread, 'low_confidence', 'ai');
    expect(e.queueId).toBe('billing');
  });

  it('clear frustration (AI-initiated)', async () => {
    const thread = await h.say(customer, 'This is ridiculous. The export is STILL broken after three days, I am fed up!!!');
    const e = await expectTrigger(thread, 'sentiment', 'ai');
    const packet = JSON.stringify(h.fake.calls('chat.postMessage').find((c) => String(c.args.text).includes(e.id))!.args.blocks);
    expect(packet).toMatch(/Rule: trigger rule \d+ \([^)]*tone[^)]*\): escalate/);
    expect(packet).not.toContain('matrix[');
  });

  it('the same question a third time (AI-initiated)', async () => {
    const thread = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.say(customer, 'how can I add a colleague to our workspace?', { threadTs: thread });
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Invite'));
    await h.settle();
    await h.say(customer, 'ok but where do I invite a new team member?', { threadTs: thread });
    const e = await expectTrigger(thread, 'loop', 'ai');
    expect(e.decision.loop).toBe(true);
  });

  it('the same question again with nothing new to answer: a repeat, and the packet says so (AI-initiated)', async () => {
    const thread = await h.say(customer, 'How do we set up the Okta connector for Acme?');
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.settle();
    await h.say(customer, 'how do we set up the Okta connector?', { threadTs: thread });
    const e = await expectTrigger(thread, 'loop', 'ai');
    expect(e.decision).toMatchObject({ loop: true, askings: 2, rule: expect.stringContaining('the customer is asking again (2 times)') });
    const packet = JSON.stringify(h.fake.calls('chat.postMessage').find((c) => String(c.args.text).includes(e.id))!.args.blocks);
    expect(packet).toContain('The customer asked the same thing again');
    expect(packet).toMatch(/Loop[^"]*yes, the same question again/);
    expect(packet).not.toContain('not confident enough');
  });

  it('a question like ones that needed a specialist before (AI-initiated)', async () => {
    const thread = await h.say(customer, 'our SAML certificate is about to expire, how do we rotate it?');
    await expectTrigger(thread, 'complexity', 'ai');
  });
});
