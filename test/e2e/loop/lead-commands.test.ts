import { beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness.js';
import { ACME_CHANNEL, ana, closeWithTags, customer, dmOf, escalateSecurity, lead, openHome, slash, useLoopWorld, uploadedFiles } from './loop-world.js';

const world = useLoopWorld();
let h: Harness;
beforeEach(() => {
  ({ h } = world());
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ackText = (body: string) => String((JSON.parse(body) as { text?: string }).text);

async function someHistory(): Promise<void> {
  const answered = await h.say(customer, 'How do I invite a teammate to our workspace?');
  await h.waitForPost(ACME_CHANNEL, answered);
  const { escalationId } = await escalateSecurity(h, 'Someone accessed our workspace without permission, my email is casey@acme.example and my phone +44 20 7946 0958');
  await closeWithTags(h, escalationId, { rootCause: 'product_bug', accuracy: 'off_base', automation: 'yes', note: 'Rotated the leaked key sk-abcdefghijklmnopqrstuv and reset the sessions.' });
}

describe('/baton report', () => {
  it('refuses someone who is not a lead, politely and privately', async () => {
    const res = await slash(h, ana, 'report 7d');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(ackText(res.body)).toContain('for the support leads');
    await h.settle();
    expect(h.fake.calls('conversations.open')).toHaveLength(0);
  });

  it('sends a lead the figures and a PNG chart through the upload flow, in a DM', async () => {
    await someHistory();
    const res = await slash(h, lead, 'report 30d');
    // Word for word what docs/reports.md, "The report", says a lead sees.
    expect(ackText(res.body)).toContain('Building your 30d report; it will be in your DM with Baton in a moment.');
    const dm = await dmOf(h, lead);
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
    const blocks = JSON.stringify(post.args.blocks);
    for (const label of ['Baton report · last 30 days', 'Escalation rate', 'CSAT', 'First contact resolution', 'Healthy : frustrated', 'By category', 'By queue', 'security']) {
      expect(blocks).toContain(label);
    }
    expect(blocks).toContain('Trends compare with the 30 days before. Definitions: docs/reports.md, \\"Outcomes\\".');
    const upload = await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm);
    expect((upload.args.files as { title?: string }[]).map((f) => f.title)).toEqual(['Escalation rate, CSAT, FCR and healthy share, last 30 days']);
    const [chart] = uploadedFiles(h, dm);
    expect(chart?.name).toBe('baton-trend-30d.png');
    expect(chart?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('sends a lead exactly one report when Slack loses the answer to its post, then fails the chart, then recovers', async () => {
    await someHistory();
    // The report's post reaches the DM but its answer is lost; then the chart's share is refused once.
    h.fake.failNext('chat.postMessage', { disconnect: 'after' });
    h.fake.failNext('files.completeUploadExternal', { error: 'internal_error' });
    await slash(h, lead, 'report 30d');
    const dm = await dmOf(h, lead);
    await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm && c.response.ok, 20_000);
    await h.settle();
    const posted = h.fake.state.messages.get(dm) ?? [];
    expect(posted.filter((m) => JSON.stringify(m.blocks ?? []).includes('Baton report · last 30 days'))).toHaveLength(1);
    expect(uploadedFiles(h, dm).map((f) => f.name)).toEqual(['baton-trend-30d.png']);
    expect(h.logs.lines.filter((l) => l.includes('inbox items could not be processed'))).toHaveLength(2);
  });

  it('tells a lead what a bad period means instead of guessing', async () => {
    const res = await slash(h, lead, 'report 14d');
    expect(ackText(res.body)).toContain('7d, 30d, 90d');
  });
});

describe('/baton review', () => {
  it('gives a lead the week grouped by root cause, accuracy and automation potential', async () => {
    await someHistory();
    await slash(h, lead, 'review');
    const dm = await dmOf(h, lead);
    const post = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === dm);
    const blocks = JSON.stringify(post.args.blocks);
    for (const label of ['Weekly review', 'Product bug', 'Off-base', 'Automation potential', 'Approve for the KB']) expect(blocks).toContain(label);
  });

  it('refuses a non-lead', async () => {
    expect(ackText((await slash(h, ana, 'review')).body)).toContain('for the support leads');
  });
});

describe('/baton export', () => {
  it('sends the lead JSONL in the chat fine-tuning format and CSV, with personal data redacted', async () => {
    await someHistory();
    await slash(h, lead, 'export 7d accuracy=off_base');
    const dm = await dmOf(h, lead);
    await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm);
    const files = uploadedFiles(h, dm);
    expect(files.map((f) => f.name.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'))).toEqual(['baton-training-DAY.jsonl', 'baton-escalations-DAY.csv']);
    const lines = files[0]!.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    const csv = files[1]!.bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('root_cause,ai_accuracy,automation_potential');
    expect(lines[0]!.messages[2]!.content).toContain('reset the sessions');
    expect(csv).toContain('"product_bug","off_base","yes"');
    const all = files.map((f) => f.bytes.toString('utf8')).join('\n');
    for (const secret of ['casey@acme.example', '7946 0958', 'sk-abcdefghijklmnopqrstuv']) expect(all).not.toContain(secret);
    expect(all).toContain('[EMAIL]');
  });

  it('leaves an escalation closed with no note and no staff reply out of the fine-tuning file, and says so', async () => {
    const { escalationId } = await escalateSecurity(h);
    await closeWithTags(h, escalationId, { rootCause: 'product_bug', accuracy: 'off_base', automation: 'no' });
    await slash(h, lead, 'export 7d');
    const dm = await dmOf(h, lead);
    const shared = await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === dm);
    expect(String(shared.args.initial_comment)).toBe(
      'Training export: 1 escalation, personal data redacted. 1 escalation closed with no note and no staff reply left out of the fine-tuning data.',
    );
    const files = uploadedFiles(h, dm);
    expect(files.map((f) => f.name.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'))).toEqual(['baton-escalations-DAY.csv']);
    expect(files[0]!.bytes.toString('utf8')).toContain(`"${escalationId}"`);
  });

  it('refuses a non-lead', async () => {
    expect(ackText((await slash(h, ana, 'export 7d')).body)).toContain('for the support leads');
  });

  it('tells a lead which word it did not understand and shows the usage once', async () => {
    const text = ackText((await slash(h, lead, 'export 7d accurracy=off_base')).body);
    expect(text).toContain('"accurracy=off_base"');
    expect(text.match(/\/baton export/g)).toHaveLength(1);
    expect(text).toContain('accuracy=correct|partially_correct|off_base');
  });
});

describe('App Home', () => {
  it('shows a lead the dashboard and anyone else a description', async () => {
    await openHome(h, lead);
    const forLead = await h.fake.waitFor('views.publish', (c) => c.args.user_id === lead.id);
    expect(JSON.stringify(forLead.args.view)).toContain('Escalation rate');
    await openHome(h, ana);
    const forOther = await h.fake.waitFor('views.publish', (c) => c.args.user_id === ana.id);
    expect(JSON.stringify(forOther.args.view)).not.toContain('Escalation rate');
    expect(JSON.stringify(forOther.args.view)).toContain('for support leads');
  });
});
