import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_FIELD, VIEW } from '../../../src/core/model/actions.js';
import { ACME_HISTORY } from '../../fixtures/acme-history.js';
import { blockActionsPayload, checkedBoxes, selectedOption, sendInteraction, typedText, viewSubmissionPayload } from '../../fakes/slack-request.js';
import { ACME_CHANNEL, customer, GLOBEX_CHANNEL, Harness } from '../harness.js';
import { E2E_KNOWLEDGE } from '../knowledge.js';
import { dmOf, lead, otherCustomer, slash } from './loop-world.js';

const SETUP = 'Open the project, choose Settings > Archive and confirm. Archived projects stay searchable and can be restored any time.';

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ policyFile: 'test/fixtures/e2e/baton.loop.yaml', knowledge: [...E2E_KNOWLEDGE, ...ACME_HISTORY] });
  for (const u of [lead, otherCustomer]) h.fake.addUser({ id: u.id, team_id: u.teamId, real_name: u.name, name: u.name?.toLowerCase() });
});
afterEach(async () => {
  expect(h.fake.violations()).toEqual([]);
  await h.stop();
});

async function ask(who: typeof customer, text: string, channel: string): Promise<string> {
  const thread = await h.say(who, text, { channel });
  return String((await h.waitForPost(channel, thread)).args.text);
}

/** The lead's `/baton review`, and its message with the answers to review. */
async function answersToReview() {
  await slash(h, lead, 'review');
  const dm = await dmOf(h, lead);
  const review = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm && String(c.args.text).startsWith('Answers to review'));
  return { dm, review, message: { ts: String(review.response.ts), text: String(review.args.text), blocks: review.args.blocks as unknown[] } };
}

const buttonValue = (blocks: unknown[], action: string, topic: string) =>
  (blocks as { elements?: { action_id?: string; value?: string }[] }[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === action && JSON.parse(e.value ?? '{}').t === topic)!.value!;

describe('/baton review: answers proposed from history', () => {
  it('shows the cleaned text customers would see; approved for everyone, it answers another account from then on', async () => {
    expect(await ask(otherCustomer, 'How do I archive a project in our workspace?', GLOBEX_CHANNEL)).not.toContain('Settings > Archive');

    const { dm, message } = await answersToReview();
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain(SETUP.replaceAll('>', '&gt;'));
    for (const leftover of ['Casey', 'Tom Becker', 'heard back', 'Best regards']) expect(shown).not.toContain(leftover);

    const approve = buttonValue(message.blocks, 'baton.answer_approve', 'archive_project');
    await sendInteraction(h.target, blockActionsPayload({ user: lead, channel: { id: dm }, message, action: { actionId: 'baton.answer_approve', value: approve } }));
    expect(String((await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === lead.id)).args.text)).toContain('Approved for every customer');
    const updated = JSON.stringify((await h.fake.waitFor('chat.update', (c) => c.args.channel === dm)).args.blocks);
    expect(updated).toContain(`Approved for every customer by <@${lead.id}>`);

    expect(await ask(otherCustomer, 'How do I archive a project in our workspace?', GLOBEX_CHANNEL)).toContain('Settings &gt; Archive');
  });

  it('refuses to approve a text with an action claim until the lead edits it, then answers only the account chosen', async () => {
    const { dm, message } = await answersToReview();
    expect(JSON.stringify(message.blocks)).toContain("*I've renamed your workspace to Acme Robotics for you*");

    const value = buttonValue(message.blocks, 'baton.answer_approve', 'rename_workspace');
    await sendInteraction(h.target, blockActionsPayload({ user: lead, channel: { id: dm }, message, action: { actionId: 'baton.answer_approve', value } }));
    expect(String((await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === lead.id)).args.text)).toContain("Marked spans are left in (action: \u201cI've renamed");

    await sendInteraction(h.target, blockActionsPayload({ user: lead, channel: { id: dm }, message, action: { actionId: 'baton.answer_edit', value } }));
    const modal = (await h.fake.waitFor('views.open', () => true)).args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe(VIEW.reviewAnswer);

    const submit = (answer: string, confirmed: string[]) =>
      sendInteraction(
        h.target,
        viewSubmissionPayload({
          user: lead,
          callbackId: VIEW.reviewAnswer,
          privateMetadata: modal.private_metadata,
          values: {
            [ANSWER_FIELD.answer]: { [ANSWER_FIELD.answer]: typedText(answer) },
            [ANSWER_FIELD.scope]: { [ANSWER_FIELD.scope]: selectedOption('acme') },
            [ANSWER_FIELD.confirm]: { [ANSWER_FIELD.confirm]: checkedBoxes(...confirmed) },
          },
        }),
      );
    const refused = await submit("I've renamed it. Admins rename the workspace under Settings > General > Workspace name.", []);
    expect(refused.body).toContain('Marked spans are left in');
    // The receipt reaches the lead's DM but Slack's answer is lost: it is found there, not posted again.
    h.fake.failNext('chat.postMessage', { disconnect: 'after' });
    const accepted = await submit('Admins rename the workspace under Settings > General > Workspace name.', []);
    expect(accepted.status).toBe(200);
    await h.waitForLog('inbox items could not be processed');
    // Tried again: Baton looks in the DM for the receipt before any second post.
    await h.fake.waitFor('conversations.history', (c) => c.args.channel === dm, 10_000);
    await h.settle();
    expect((h.fake.state.messages.get(dm) ?? []).filter((m) => m.text.includes('Approved for account acme'))).toHaveLength(1);

    expect(await ask(customer, 'how do I rename our workspace?', ACME_CHANNEL)).toContain('Workspace name');
    expect(await ask(otherCustomer, 'how do I rename our workspace?', GLOBEX_CHANNEL)).not.toContain('Workspace name');
  });
});
