import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACME_CHANNEL, customer, type Harness, useHarness } from './harness.js';

const SUPPORT = 'C0SUPPORT1';
const harness = useHarness({ env: { BATON_DELIVERY_DEADLINE_SECONDS: '1' } });
let h: Harness;
beforeEach(() => {
  h = harness();
});

describe('a customer channel Slack keeps refusing', () => {
  it('hands the unanswered customer to the default queue, and alerts it when even the handoff notice cannot go out', async () => {
    const stop = h.fake.failWhile('chat.postMessage', (args) => args.channel === ACME_CHANNEL, { status: 503 });
    const thread = await h.say(customer, 'How do I invite a teammate?');
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === SUPPORT && String(c.args.text).startsWith('Escalation '), 15_000);
    expect(JSON.stringify(packet.args.blocks)).toContain('the answer could not be delivered');
    const alert = await h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === SUPPORT && String(c.args.text).includes('could not tell the customer'), 15_000);
    expect(String(alert.args.text)).toContain('of Acme Corp in Slack');
    stop();
    const key = `slack:${ACME_CHANNEL}:${thread}`;
    await vi.waitFor(async () => expect(await h.baton.core.conversations.get(key)).toMatchObject({ mode: 'escalated', outbox: [], botAnswers: 0 }), { timeout: 8000 });
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(0);
  });
});
