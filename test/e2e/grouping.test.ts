import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME_CHANNEL, customer, type Harness, useHarness } from './harness.js';

/** The e2e policy with the shipped window: wide enough for three signed requests on a loaded machine. */
function policyWithGrouping(grouping: Record<string, unknown>): string {
  const policy = parse(readFileSync('test/fixtures/e2e/baton.e2e.yaml', 'utf8')) as Record<string, unknown>;
  const file = join(mkdtempSync(join(tmpdir(), 'baton-grouping-')), 'baton.yaml');
  writeFileSync(file, stringify({ ...policy, grouping }));
  return file;
}

const SUPPORT = 'C0SUPPORT1';

describe('messages sent in quick succession', () => {
  const harness = useHarness({ policyFile: policyWithGrouping({ window_seconds: 3 }) });
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  it('three quick messages in one thread get one answer, drawn from their combined text', async () => {
    const thread = await h.say(customer, 'Hi');
    await h.say(customer, 'how do I invite', { threadTs: thread });
    await h.say(customer, 'a teammate to our workspace?', { threadTs: thread });
    const answer = await h.waitForPost(ACME_CHANNEL, thread);
    await h.settle();
    expect(String(answer.args.text)).toContain('Settings');
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(1);
    await h.waitForLog('messages sent in quick succession decided as one request');
    const c = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${thread}`);
    expect(c?.decisions).toHaveLength(1);
  });

  it('three quick messages end in one handoff whose packet shows each of them', async () => {
    const thread = await h.say(customer, 'Hi');
    await h.say(customer, 'our SSO login fails', { threadTs: thread });
    await h.say(customer, 'since this morning, error 403', { threadTs: thread });
    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts);
    await h.settle();
    const blocks = JSON.stringify(packet.args.blocks);
    for (const text of ['Hi', 'our SSO login fails', 'since this morning, error 403']) expect(blocks).toContain(text);
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(1);
    expect(h.fake.calls('chat.postMessage').filter((c) => c.response.ok && c.args.channel === SUPPORT && !c.args.thread_ts)).toHaveLength(1);
  });

  it('messages farther apart than the window are decided one by one', async () => {
    const thread = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, thread);
    await h.say(customer, 'How can I export a report to CSV?', { threadTs: thread });
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('CSV'));
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, thread)).toHaveLength(2);
    const c = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${thread}`);
    expect(c?.decisions).toHaveLength(2);
  });
});

describe('a whole question, with a window longer than anyone waits', () => {
  const patient = useHarness({ policyFile: policyWithGrouping({ window_seconds: 30 }) });

  it('is answered at once (waiting for a post at most 8 s): only a fragment, like a greeting, waits for more', async () => {
    const h = patient();
    const thread = await h.say(customer, 'How do I invite a teammate?');
    const answer = await h.waitForPost(ACME_CHANNEL, thread);
    expect(String(answer.args.text)).toContain('Settings');
  });
});

describe('new messages in quick succession, with grouping.new_messages', () => {
  const joining = useHarness({ policyFile: policyWithGrouping({ window_seconds: 3, new_messages: true }) });

  it('three quick new messages from one customer are one request, answered once in the first one\u2019s thread', async () => {
    const h = joining();
    const first = await h.say(customer, 'Hi');
    const second = await h.say(customer, 'how do I invite');
    const third = await h.say(customer, 'a teammate to our workspace?');
    const answer = await h.waitForPost(ACME_CHANNEL, first);
    await h.settle();
    expect(String(answer.args.text)).toContain('Settings');
    expect(h.postsIn(ACME_CHANNEL, first)).toHaveLength(1);
    expect([...h.postsIn(ACME_CHANNEL, second), ...h.postsIn(ACME_CHANNEL, third)]).toHaveLength(0);
    const c = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${first}`);
    expect(c?.turns.filter((t) => t.role === 'customer').map((t) => t.text)).toEqual(['Hi', 'how do I invite', 'a teammate to our workspace?']);
  });
});
