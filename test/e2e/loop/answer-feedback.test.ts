import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIDWEEK, MONDAY_NINE_UTC, nextDigestSlot } from '../../clock/next-digest-slot.js';
import type { RecordedCall } from '../../fakes/fake-slack-api.js';
import { blockActionsPayload, sendInteraction, type Actor } from '../../fakes/slack-request.js';
import { Harness } from '../harness.js';
import { ACME_CHANNEL, ACTION, ana, customer, dmOf, lead, ManualClock, otherCustomer, slash, uploadedFiles, useLoopWorld } from './loop-world.js';

const world = useLoopWorld();
let h: Harness;
beforeEach(() => {
  ({ h } = world());
});

const SUPPORT = 'C0SUPPORT1';

function feedbackValue(answer: RecordedCall, actionId: string): string {
  const blocks = answer.args.blocks as { elements?: { action_id?: string; value?: string }[] }[];
  const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value;
  if (!value) throw new Error(`the answer has no ${actionId} button`);
  return value;
}

/** A press on a button under the answer, with the message as Slack sends it along. */
function press(who: Actor, answer: RecordedCall, actionId: string) {
  const thread = String(answer.args.thread_ts);
  return sendInteraction(
    h.target,
    blockActionsPayload({
      user: who,
      channel: { id: ACME_CHANNEL },
      message: { ts: String(answer.response.ts), threadTs: thread, text: String(answer.args.text), blocks: answer.args.blocks as Record<string, unknown>[] },
      action: { actionId, value: feedbackValue(answer, actionId), blockId: 'answer_feedback' },
    }),
  );
}

async function answered(text: string): Promise<{ thread: string; answer: RecordedCall }> {
  const thread = await h.say(customer, text);
  return { thread, answer: await h.waitForPost(ACME_CHANNEL, thread) };
}

async function leadDm(command: string): Promise<string> {
  await slash(h, lead, command);
  const dm = await dmOf(h, lead);
  const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm && Array.isArray(c.args.blocks));
  return JSON.stringify(post.args.blocks);
}

describe('Helpful / Not helpful under an answer', () => {
  it('"Not helpful" hands the thread to a person at once and swaps the buttons for a quiet note', async () => {
    const { thread, answer } = await answered('How do I invite a teammate to our workspace?');
    expect(JSON.stringify(answer.args.blocks)).toContain('Not helpful');
    expect((await press(customer, answer, ACTION.answerNotHelpful)).status).toBe(200);

    const packet = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && String(c.args.text).startsWith('Escalation '));
    expect(JSON.stringify(packet.args.blocks)).toContain('How do I invite a teammate');
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('support specialist'));
    const updated = await h.fake.waitFor('chat.update', (c) => c.args.ts === answer.response.ts);
    const blocks = JSON.stringify(updated.args.blocks);
    expect(blocks).toContain('Sorry that did not help');
    expect(blocks).not.toContain(ACTION.answerNotHelpful);
    expect(blocks).toContain('Settings'); // the answer itself stays
  });

  it('counts a customer\u2019s Helpful once, ignores staff, and the report shows the helpful rate per category and source', async () => {
    const { answer } = await answered('How do I invite a teammate to our workspace?');
    await press(ana, answer, ACTION.answerHelpful);
    const refused = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ana.id);
    expect(String(refused.args.text)).toContain('for the customer');
    await press(customer, answer, ACTION.answerHelpful);
    const thanks = await h.fake.waitFor('chat.update', (c) => c.args.ts === answer.response.ts);
    expect(JSON.stringify(thanks.args.blocks)).toContain('Thanks for letting us know.');
    await press(otherCustomer, answer, ACTION.answerHelpful);
    await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === otherCustomer.id);
    const second = await answered('How can I export a report to CSV?');
    await press(customer, second.answer, ACTION.answerNotHelpful);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && String(c.args.text).startsWith('Escalation '));
    await h.settle();

    const report = await leadDm('report 7d');
    expect(report).toContain('*Answer feedback*: 50% helpful of 2 votes (1 not helpful)');
    expect(report).toContain('• *how_to*: 50% helpful of 2 votes');
    expect(report).toContain('• *Inviting teammates*: 100% helpful of 1 vote');
    expect(report).toContain('• *Exporting reports*: 0% helpful of 1 vote');
  });
});

describe('answer buttons pressed by someone outside the conversation', () => {
  it('a partner workspace’s user and another customer get a private refusal, and nothing opens or counts', async () => {
    const partner: Actor = { id: 'U0PARTNER1', teamId: 'T0PARTNER1', name: 'Pat' };
    h.fake.addUser({ id: partner.id, team_id: partner.teamId, real_name: partner.name, name: 'pat' });
    const { thread, answer } = await answered('How do I invite a teammate to our workspace?');
    const talkValue = `slack:${ACME_CHANNEL}:${thread}`;
    for (const who of [partner, otherCustomer]) {
      await press(who, answer, ACTION.answerNotHelpful);
      await h.click(who, ACTION.talkToHuman, talkValue, { channel: ACME_CHANNEL, ts: String(answer.response.ts), threadTs: thread });
    }
    await h.settle();
    const refusals = h.fake.calls('chat.postEphemeral').map((c) => [c.args.user, String(c.args.text)]);
    expect(refusals).toHaveLength(4);
    for (const [, text] of refusals) expect(text).toContain('belong to the customer who asked here');
    expect(h.postsIn(SUPPORT)).toEqual([]);
    expect(h.fake.calls('chat.update').filter((c) => c.args.ts === answer.response.ts)).toEqual([]);
    expect(await h.baton.stores.feedback.list(0, Date.now() + 1)).toEqual([]);
    expect((await h.baton.core.conversations.get(talkValue))?.mode).toBe('bot');
  });
});

describe('content gaps', () => {
  it('are listed in /baton review by topic with count and a redacted example, and sent as CSV by /baton gaps', async () => {
    for (const text of ['Why were we charged twice for the same invoice this month? Call me on +44 20 7946 0958', 'Why were we charged twice for one invoice?']) {
      await h.say(customer, text);
      await h.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Escalation ') && JSON.stringify(c.args.blocks).includes(text.slice(0, 30)));
    }
    await h.settle();
    const review = await leadDm('review');
    expect(review).toContain('*Content gaps*');
    expect(review).toMatch(/\*[a-z_]+\* · billing · 2 questions \(2 (no source|below threshold)\) · 1 account|\*billing\* · 2 questions/);
    expect(review).toContain('Why were we charged twice for one invoice?');
    expect(review).toContain('[PHONE]');
    expect(review).not.toContain('7946 0958');

    await slash(h, lead, 'gaps 30d');
    const dm = await dmOf(h, lead);
    await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm);
    const [csv] = uploadedFiles(h, dm);
    expect(csv?.name).toMatch(/^baton-content-gaps-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csv!.bytes.toString('utf8').trim().split('\r\n');
    expect(rows[0]).toBe('topic,category,questions,no_source,below_threshold,not_helpful,accounts,example_questions,nearest_articles');
    expect(rows[1]).toMatch(/^"[^"]+","billing","2",/);
    expect(rows.join('\n')).toContain('[PHONE]');
  });
});

describe('the weekly digest', () => {
  it('lists the week\u2019s content gaps in the leads\u2019 channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-digest-'));
    const policyFile = join(dir, 'baton.yaml');
    writeFileSync(policyFile, readFileSync('test/fixtures/e2e/baton.loop.yaml', 'utf8').replace('digest: { enabled: false }', 'digest: { enabled: true, weekday: mon, hour: 9, timezone: UTC }'));
    const clock = new ManualClock(MIDWEEK);
    const digestWorld = await Harness.start({ policyFile, clock });
    try {
      await digestWorld.say(customer, 'Why were we charged twice for the same invoice this month?');
      await digestWorld.fake.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith('Escalation '));
      await digestWorld.settle();
      // Five minutes past the digest's next slot (Mondays 09:00 UTC), whatever day and hour the clock reads.
      clock.advance(nextDigestSlot(clock.now(), MONDAY_NINE_UTC) + 5 * 60_000 - clock.now());
      await digestWorld.baton.sweep();
      const digest = await digestWorld.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0LEADS001');
      const blocks = JSON.stringify(digest.args.blocks);
      expect(blocks).toContain('*Content gaps*');
      expect(blocks).toMatch(/billing · 1 question \(1 (no source|below threshold)\)|\*billing\* · 1 question/);
      expect(blocks).toContain('Why were we charged twice for the same invoice this month?');
    } finally {
      expect(digestWorld.fake.violations()).toEqual([]);
      await digestWorld.stop();
    }
  });
});
