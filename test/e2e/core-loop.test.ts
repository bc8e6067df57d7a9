import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { appMentionEvent, messageEvent, sendEvent } from '../fakes/slack-request.js';
import { slackTs } from '../fakes/slack-ids.js';
import { ACME_CHANNEL, ana, customer, GLOBEX_CHANNEL, type Harness, SIGNING_SECRET, useHarness } from './harness.js';

const harness = useHarness();
let h: Harness;
beforeEach(() => {
  h = harness();
});

function buttonValue(blocks: unknown, actionId: string): string | undefined {
  for (const block of (blocks as { elements?: { action_id?: string; value?: string }[] }[]) ?? []) {
    const hit = block.elements?.find((e) => e.action_id === actionId);
    if (hit) return hit.value;
  }
  return undefined;
}

describe('a customer question in a shared channel', () => {
  it('is answered in its thread, with the source and a "Talk to a person" button', async () => {
    const ts = await h.say(customer, 'How do I invite a teammate?');
    const reply = await h.waitForPost(ACME_CHANNEL, ts);
    expect(String(reply.args.text)).toContain('Settings &gt; Members'); // as Slack encodes it; shown as ">"
    const blocks = JSON.stringify(reply.args.blocks);
    expect(blocks).toContain('Inviting teammates');
    expect(buttonValue(reply.args.blocks, ACTION.talkToHuman)).toBe(`slack:${ACME_CHANNEL}:${ts}`);
  });

  it('is answered when it is a thread reply or an @mention, once even when both events arrive', async () => {
    const root = await h.say(customer, 'How can I export a report to CSV?');
    await h.waitForPost(ACME_CHANNEL, root);
    const ts = slackTs();
    const o = { channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text: 'how do I invite a colleague as a member?', ts, threadTs: root };
    await Promise.all([sendEvent(h.target, appMentionEvent(o)), sendEvent(h.target, messageEvent(o))]);
    await h.waitForPost(ACME_CHANNEL, root, (t) => t.includes('Invite'));
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, root)).toHaveLength(2);
  });

  it('gets one reply even when Slack retries the delivery', async () => {
    const ts = slackTs();
    const envelope = messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text: 'How do I invite a teammate?', ts });
    await sendEvent(h.target, envelope);
    await sendEvent(h.target, envelope, { retry: { num: 1, reason: 'http_timeout' } });
    await sendEvent(h.target, { ...envelope, event_id: 'Ev0DIFFERENT1' });
    await h.waitForPost(ACME_CHANNEL, ts);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, ts)).toHaveLength(1);
  });

  it('is not answered when it is a greeting or thanks', async () => {
    const hello = await h.say(customer, 'hello there!');
    const thanks = await h.say(customer, 'thanks a lot!');
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, hello)).toHaveLength(0);
    expect(h.postsIn(ACME_CHANNEL, thanks)).toHaveLength(0);
    for (const ts of [hello, thanks]) {
      const seen = await h.baton.core.conversations.get(`slack:${ACME_CHANNEL}:${ts}`);
      expect(seen?.decisions.at(-1)?.action).toBe('ignore'); // read and judged, not dropped
    }
  });

  it('is ignored in a channel that is mapped to no account', async () => {
    const ts = await h.say(customer, 'How do I invite a teammate?', { channel: 'C0UNMAPPED' });
    await h.settle();
    expect(h.postsIn('C0UNMAPPED', ts)).toHaveLength(0);
    expect(h.logs.lines.some((l) => l.includes('mapped to no account') && l.includes('C0UNMAPPED'))).toBe(true);
  });
});

describe('staff in a shared channel', () => {
  it('never triggers an answer', async () => {
    const ts = await h.say(ana, 'How do I invite a teammate?');
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, ts)).toHaveLength(0);
  });

  it('taking over a thread makes Baton stay quiet there', async () => {
    const root = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, root);
    await h.say(ana, 'Hi Casey, I can walk you through it.', { threadTs: root });
    await h.say(customer, 'How can I export a report to CSV?', { threadTs: root });
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, root)).toHaveLength(1);
  });
});

describe('Slack request authenticity', () => {
  it('refuses unsigned and stale requests and acts on neither', async () => {
    const ts = slackTs();
    const envelope = messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text: 'How do I invite a teammate?', ts });
    expect((await sendEvent(h.target, envelope, { signing: 'unsigned' })).status).toBe(401);
    expect((await sendEvent(h.target, envelope, { signing: 'stale' })).status).toBe(401);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, ts)).toHaveLength(0);
  });

  it('rejects a malformed button value without crashing and keeps serving', async () => {
    const res = await h.click(customer, ACTION.talkToHuman, 'not a conversation', { channel: ACME_CHANNEL, ts: slackTs() });
    expect(res.status).toBe(200);
    const ts = await h.say(customer, 'How do I invite a teammate?', { channel: GLOBEX_CHANNEL });
    await h.waitForPost(GLOBEX_CHANNEL, ts);
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret, even at debug level', async () => {
    const ts = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, ts);
    await h.click(customer, ACTION.talkToHuman, `slack:${ACME_CHANNEL}:${ts}`, { channel: ACME_CHANNEL, ts: slackTs(), threadTs: ts });
    await h.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Escalation '));
    const all = h.logs.lines.join('\n');
    expect(h.logs.lines.length).toBeGreaterThan(5);
    expect(all).not.toContain('xoxb-e2e-token');
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('rate limits', () => {
  it('waits out a 429 and posts the answer exactly once', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const ts = await h.say(customer, 'How do I invite a teammate?');
    await h.waitForPost(ACME_CHANNEL, ts, () => true, 10_000);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, ts)).toHaveLength(1);
    expect(h.fake.calls('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(1);
  });
});
