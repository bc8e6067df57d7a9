import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { NAME_TOPICS } from './clarify-knowledge.js';
import { ACME_CHANNEL, ana, customer, Harness } from './harness.js';
import { E2E_KNOWLEDGE } from './knowledge.js';
import { dmOf, lead, slash } from './loop/loop-world.js';

const AMBIGUOUS = 'How do I change the name?';
const DISPLAY_NAME = 'Open your avatar menu &gt; Profile and edit Display name.'; // as Slack encodes ">"

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ policyFile: 'test/fixtures/e2e/baton.loop.yaml', knowledge: [...E2E_KNOWLEDGE, ...NAME_TOPICS] });
  h.fake.addUser({ id: lead.id, team_id: lead.teamId, real_name: lead.name, name: lead.name?.toLowerCase() });
});
afterEach(async () => {
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
});

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

function buttons(post: RecordedCall): Button[] {
  return ((post.args.blocks as { elements?: Button[] }[] | undefined) ?? []).flatMap((b) => b.elements?.filter((e) => e.action_id !== undefined) ?? []);
}

/** An answer, not a clarifying question: the way to a person, and no reading to pick. */
const isAnswer = (post: RecordedCall) => {
  const ids = buttons(post).map((b) => b.action_id);
  return ids.includes(ACTION.talkToHuman) && !ids.some((id) => id.startsWith(`${ACTION.clarify}.`));
};

/** The customer asks the ambiguous question; returns the thread and Baton's clarifying question. */
async function askAmbiguous() {
  const thread = await h.say(customer, AMBIGUOUS);
  const question = await h.waitForPost(ACME_CHANNEL, thread);
  return { thread, question, where: { channel: ACME_CHANNEL, ts: String(question.response.ts), threadTs: thread } };
}

describe('a question with two close readings, in Slack', () => {
  it('gets one short question with both readings as buttons; clicking one gets the answer for that reading', async () => {
    const { thread, question, where } = await askAmbiguous();
    expect(String(question.args.text)).toContain('Do you mean:');
    const offered = buttons(question);
    expect(offered.map((b) => b.text.text).sort()).toEqual(['How to: Renaming the workspace', 'How to: Your display name', 'Something else / talk to a person']);
    const display = offered.find((b) => b.text.text === 'How to: Your display name')!;
    expect((await h.click(customer, display.action_id, display.value, where)).status).toBe(200);
    const answer = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Display name'));
    expect(String(answer.args.text)).toBe(DISPLAY_NAME);
    expect(isAnswer(answer)).toBe(true);
  });

  it('does not ask a second clarifying question in the same conversation', async () => {
    const { thread, question, where } = await askAmbiguous();
    const workspace = buttons(question).find((b) => b.text.text === 'How to: Renaming the workspace')!;
    await h.click(customer, workspace.action_id, workspace.value, where);
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Workspace name'));
    await h.say(customer, 'change name', { threadTs: thread });
    const next = await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Display name'));
    expect(isAnswer(next)).toBe(true);
    await h.settle();
    expect(h.postsIn(ACME_CHANNEL, thread).filter((p) => String(p.args.text).includes('Do you mean'))).toHaveLength(1);
  });

  it('hands over on "Something else / talk to a person"; a reading clicked after that is refused: a specialist has it', async () => {
    const { question, where } = await askAmbiguous();
    const other = buttons(question).find((b) => b.action_id === ACTION.talkToHuman)!;
    await h.click(customer, other.action_id, other.value, where);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C0SUPPORT1' && !c.args.thread_ts);
    const reading = buttons(question).find((b) => b.action_id.startsWith(`${ACTION.clarify}.`))!;
    await h.click(customer, reading.action_id, reading.value, where);
    const refusal = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === customer.id);
    expect(String(refusal.args.text)).toContain('specialist already has this conversation');
  });

  it('tells staff the buttons are for the customer', async () => {
    const { question, where } = await askAmbiguous();
    const reading = buttons(question)[0]!;
    await h.click(ana, reading.action_id, reading.value, where);
    const refusal = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === ana.id);
    expect(String(refusal.args.text)).toContain('for the customer');
  });

  it('is counted in /baton report: asked, then answered', async () => {
    const { thread, question, where } = await askAmbiguous();
    const display = buttons(question).find((b) => b.text.text === 'How to: Your display name')!;
    await h.click(customer, display.action_id, display.value, where);
    await h.waitForPost(ACME_CHANNEL, thread, (t) => t.includes('Display name'));
    await slash(h, lead, 'report');
    const dm = await dmOf(h, lead);
    const report = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm && JSON.stringify(c.args.blocks ?? '').includes('Clarifying questions'));
    expect(JSON.stringify(report.args.blocks)).toContain('*Clarifying questions*\\n1 · then answered 1, escalated 0');
  });
});
