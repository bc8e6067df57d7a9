import { describe, expect, it } from 'vitest';
import { ACTION, ANSWER_FIELD, CLOSE_FIELD, VIEW } from '../../src/core/model/actions.js';
import type { AdaptiveCard } from '../../src/teams/render/adaptive-card.js';
import { E2E_KNOWLEDGE } from '../e2e/knowledge.js';
import type { ConnectorCall, TeamsMember } from '../fakes/fake-teams-connector.js';
import { ACME_HISTORY } from '../fixtures/acme-history.js';
import { ACCESS_QUEUE, channelMessage, executeInvoke, fileConsentInvoke, installedInTeam, personalChat, personalInvoke, personalMessage, personalSubmit, queueInvoke, teamsCustomer, teamsLead, teamsStaff } from './teams-activities.js';
import { cardsIn, type TeamsWorld, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld(undefined, [...E2E_KNOWLEDGE, ...ACME_HISTORY]);

const ARCHIVE = 'Open the project, choose Settings > Archive and confirm. Archived projects stay searchable and can be restored any time.';
const LEADS_ONLY = 'Sorry, reports, reviews and exports are for the support leads named in Baton\u2019s configuration. A lead or an admin can add you.';

/** A person writes in their own chat with Baton; resolves with Baton's replies there, in order. */
async function write(w: TeamsWorld, from: TeamsMember, text: string): Promise<ConnectorCall[]> {
  const before = w.connector.calls.length;
  expect((await w.send(personalMessage({ serviceUrl: w.connector.url, from, text }))).status).toBe(200);
  // The turn answers only once every reply reached the connector.
  return w.connector.calls.slice(before).filter((c) => c.kind === 'reply' && c.conversationId === personalChat(from));
}

/** The lead's `review`: acknowledged in the turn, then the weekly review and one card per topic, sent after it. */
async function review(w: TeamsWorld, last: string): Promise<ConnectorCall[]> {
  expect((await write(w, teamsLead, 'review')).map((c) => c.body.text)).toEqual(['Putting the weekly review together; it will be here in a moment.']);
  await w.connector.waitFor((c) => c.conversationId === personalChat(teamsLead) && c.body.summary === last);
  return w.connector.posts(personalChat(teamsLead)).filter((c) => cardsIn(c).length > 0 || String(c.body.text).startsWith('Answers to review'));
}

const json = (calls: ConnectorCall[]) => JSON.stringify(calls.map((c) => c.body));
const answerOf = (res: { body: string }) => JSON.parse(res.body) as { type: string; value: AdaptiveCard | string };

describe('a lead in their Teams chat with Baton', () => {
  it('gets the home card with the 7-day figures and the commands; a specialist gets what Baton does and is refused a lead\u2019s command', async () => {
    const w = world();
    const home = json(await write(w, teamsLead, 'home'));
    expect(home).toContain('Baton \u00b7 last 7 days');
    expect(home).toContain('"title":"Escalation rate"');
    expect(home).toContain('report [7d|30d|90d|quarter] [category]');
    expect(home).toContain('"value":"review"');

    expect(json(await write(w, teamsStaff, 'home'))).toContain('Packets arrive in your queue channels');
    const refused = await write(w, teamsStaff, 'report 30d');
    expect(refused.map((c) => c.body.text)).toEqual([LEADS_ONLY]);
  });

  it('asks for a report and gets its figures by platform with the trend as a Teams line chart', async () => {
    const w = world();
    const ask = channelMessage({ serviceUrl: w.connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await w.send(ask);
    await w.postIn(ask.id);
    await w.h.settle();
    const [report] = await write(w, teamsLead, 'report 30d');
    const card = cardsIn(report!)[0]!;
    expect(JSON.stringify(card)).toContain('Microsoft Teams: 1 conv. \u00b7 escalated 0%');
    const chart = card.body.find((e) => e.type === 'Chart.Line') as { data: { legend: string; values: { x: string; y: number }[] }[] };
    expect(chart.data.map((l) => l.legend)).toContain('Escalation rate');
    expect(chart.data.find((l) => l.legend === 'Escalation rate')!.values.at(-1)!.y).toBe(0);
    expect((await write(w, teamsLead, 'report 12d')).map((c) => c.body.text)).toEqual([expect.stringContaining('Usage: report [7d|30d|90d|quarter] [category]')]);
  });

  it('reviews the answers proposed from history: approved for everyone, a Teams customer is answered from it; a marked span blocks approval until confirmed', async () => {
    const w = world();
    const { connector, send } = w;
    const askArchive = async () => {
      const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I archive a project in our workspace?' });
      await send(ask);
      return JSON.stringify(cardsIn(await w.postIn(ask.id)));
    };
    expect(await askArchive()).not.toContain('Settings > Archive');

    const reviewed = await review(w, 'Answer to review: rename_workspace');
    expect(json(reviewed)).toContain('Weekly review \u00b7 last 7 days');
    const topic = (name: string) => reviewed.find((c) => JSON.stringify(cardsIn(c)).includes(`"text":"${name}`))!;
    const archive = reviewed.find((c) => c.body.summary === 'Answer to review: archive_project')!;
    const shown = JSON.stringify(cardsIn(archive));
    expect(shown).toContain(ARCHIVE);
    for (const leftover of ['Casey', 'Tom Becker', 'heard back', 'Best regards']) expect(shown).not.toContain(leftover);
    const approve = (cardsIn(archive)[0]!.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === ACTION.approveAnswer)!.data;
    const press = (from: TeamsMember, card: ConnectorCall, verb: string, data: Record<string, unknown>) => send(personalInvoke({ serviceUrl: connector.url, from, cardId: card.id!, verb, data }));

    // A specialist, or the same press in a channel, approves nothing.
    expect(answerOf(await press(teamsStaff, archive, ACTION.approveAnswer, approve)).value).toMatch(/Only the support leads/);
    const inChannel = await send(executeInvoke({ serviceUrl: connector.url, from: teamsLead, root: '1700000000001', cardId: archive.id!, verb: ACTION.approveAnswer, data: approve }));
    expect(inChannel.body).toContain('This button no longer works.');
    expect(await askArchive()).not.toContain('Settings > Archive');

    const approved = answerOf(await press(teamsLead, archive, ACTION.approveAnswer, { ...approve, [ANSWER_FIELD.answer]: ARCHIVE, [ANSWER_FIELD.scope]: 'everyone' }));
    expect(JSON.stringify(approved.value)).toContain('Approved for every customer by Lena Lead; Baton answers from it now.');
    expect(await askArchive()).toContain('Settings > Archive');

    const rename = topic('2. rename_workspace');
    expect(JSON.stringify(cardsIn(rename))).toContain('{"type":"TextRun","text":"I\'ve renamed your workspace to Acme Robotics for you","weight":"Bolder","color":"Warning"}');
    const renameData = (cardsIn(rename)[0]!.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === ACTION.approveAnswer)!.data;
    const asShown = { ...renameData, [ANSWER_FIELD.answer]: "I've renamed your workspace to Acme Robotics for you. Admins can rename it any time under Settings > General > Workspace name.", [ANSWER_FIELD.scope]: 'acme' };
    const blocked = answerOf(await press(teamsLead, rename, ACTION.approveAnswer, asShown));
    expect(blocked.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(blocked.value)).toContain('Marked spans are left in (action: \u201cI\'ve renamed');
    const edited = answerOf(await press(teamsLead, rename, ACTION.approveAnswer, { ...asShown, [ANSWER_FIELD.answer]: 'Admins can rename the workspace any time under Settings > General > Workspace name.' }));
    expect(JSON.stringify(edited.value)).toContain('Approved for account acme by Lena Lead');
  });

  it('gets the weekly review once when Teams fails the acknowledgement and delivers the message again, twice', async () => {
    const w = world();
    const ask = personalMessage({ serviceUrl: w.connector.url, from: teamsLead, text: 'review' });
    w.connector.failNext({ status: 502 });
    // The acknowledgement failed, so the turn did: Teams delivers the same activity again.
    expect((await w.send(ask)).status).toBe(500);
    expect((await w.send(ask)).status).toBe(200);
    await w.connector.waitFor((c) => c.status === 201 && c.body.summary === 'Answer to review: rename_workspace');
    await w.h.settle();
    // Delivered again once its work is done: the inbox takes it afresh, and every message is already out.
    expect((await w.send(ask)).status).toBe(200);
    await w.h.settle();
    const posts = w.connector.posts(personalChat(teamsLead));
    const shown = posts.map((c) => String(c.body.summary ?? c.body.text));
    expect(shown.filter((t) => t.startsWith('Putting the weekly review together'))).toHaveLength(1);
    expect(shown.filter((t) => t === 'Answer to review: rename_workspace')).toHaveLength(1);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('gets the weekly review once, after a restart, when Teams refused its cards before it', async () => {
    const w = world();
    const topicCard = (c: ConnectorCall) => String(c.body.summary ?? '').startsWith('Answer to review');
    // The acknowledgement and the week's escalations go out; the first card of a topic is refused.
    w.connector.failWhere(topicCard, { status: 400 });
    await write(w, teamsLead, 'review');
    // The work failed and stays in the inbox, to be tried again: Baton stops before it is.
    await w.h.waitForLog('inbox items could not be processed');
    await w.h.restart();
    await w.connector.waitFor((c) => c.conversationId === personalChat(teamsLead) && c.status === 201 && c.body.summary === 'Answer to review: rename_workspace');
    await w.h.settle();
    const shown = w.connector.posts(personalChat(teamsLead)).map((c) => String(c.body.summary ?? c.body.text));
    expect(shown.filter((t) => t.startsWith('Putting the weekly review together'))).toHaveLength(1);
    expect(shown.filter((t) => t.startsWith('Weekly review'))).toHaveLength(1);
    expect(shown.filter((t) => t === 'Answer to review: archive_project')).toHaveLength(1);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('gets the content gaps as a CSV file through Teams\u2019 file consent: uploaded where Teams says, only for a lead, only to a host replies may go to', async () => {
    const w = world();
    const { connector, send } = w;
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    await send(ask);
    const answer = await w.postIn(ask.id);
    const data = (cardsIn(answer)[0]!.actions as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === ACTION.answerNotHelpful)!.data!;
    await send(executeInvoke({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, cardId: answer.id!, verb: ACTION.answerNotHelpful, data }));
    await w.h.settle();

    const [summary, consent] = await write(w, teamsLead, 'gaps 7d');
    expect(summary!.body.text).toMatch(/^Content gaps, last 7 days: 1 question in 1 topic/);
    const attachment = (consent!.body.attachments as { contentType: string; name: string; content: { acceptContext: unknown; sizeInBytes: number } }[])[0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(attachment.name).toMatch(/^baton-content-gaps-\d{4}-\d{2}-\d{2}\.csv$/);
    const allow = (from: TeamsMember, uploadUrl?: string) => send(fileConsentInvoke({ serviceUrl: connector.url, from, cardId: consent!.id!, context: attachment.content.acceptContext, ...(uploadUrl ? { uploadUrl } : {}) }));

    expect((await allow(teamsStaff)).status).toBe(200);
    expect(connector.posts(personalChat(teamsStaff)).at(-1)!.body.text).toBe(LEADS_ONLY);
    expect((await allow(teamsLead, 'https://uploads.example.net/put/here')).status).toBe(200);
    expect(connector.posts(personalChat(teamsLead)).at(-1)!.body.text).toContain('an upload address Baton does not send to');
    await send(fileConsentInvoke({ serviceUrl: connector.url, from: teamsLead, cardId: consent!.id!, context: attachment.content.acceptContext, action: 'decline' }));
    expect(connector.posts(personalChat(teamsLead)).at(-1)!.body.text).toBe('Not sent: nothing was uploaded.');
    expect(connector.calls.filter((c) => c.kind === 'upload')).toEqual([]);

    expect((await allow(teamsLead)).status).toBe(200);
    // The upload runs after the turn: the file card in the chat says it is done.
    const file = await connector.waitFor((c) => c.conversationId === personalChat(teamsLead) && JSON.stringify(c.body).includes('card.file.info'));
    expect(file.body.attachments).toEqual([expect.objectContaining({ contentType: 'application/vnd.microsoft.teams.card.file.info', name: 'export.csv' })]);
    const uploaded = connector.calls.find((c) => c.kind === 'upload')!;
    expect(uploaded.uploaded!.length).toBe(attachment.content.sizeInBytes);
    expect(uploaded.uploaded).toContain('how_to');
    expect(uploaded.uploaded!.split('\n')[0]).toContain('nearest_articles');
  });

  it('reviews an escalation a specialist closed in the Teams queue as a KB candidate, approves it, and exports it as training files', async () => {
    const w = world();
    const { connector, send } = w;
    await send(installedInTeam(connector.url));
    await send(channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?' }));
    const created = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(cardsIn(created)))![1]!;
    const tags = { [CLOSE_FIELD.rootCause]: 'product_bug', [CLOSE_FIELD.aiAccuracy]: 'correct', [CLOSE_FIELD.automation]: 'yes', [CLOSE_FIELD.note]: 'The reset email was held in your mail quarantine; release it there.' };
    await send(queueInvoke({ serviceUrl: connector.url, from: teamsStaff, root: created.id!, verb: VIEW.closeEscalation, data: { escalationId, ...tags } }));
    await w.h.settle();

    const posts = await review(w, 'Answer to review: rename_workspace');
    expect(JSON.stringify(cardsIn(posts[0]!))).toContain('KB candidates (automation potential \u201cyes\u201d, and edited copilot drafts): 1, each below');
    const candidate = posts.find((c) => c.body.summary === `KB candidate ${escalationId}`)!;
    expect(JSON.stringify(cardsIn(candidate))).toContain(`${escalationId} \u00b7 Contoso \u00b7 account_access`);
    expect(JSON.stringify(cardsIn(candidate))).toContain('held in your mail quarantine');
    const press = (from: TeamsMember, verb: string, data: Record<string, unknown> = {}) =>
      send(personalInvoke({ serviceUrl: connector.url, from, cardId: candidate.id!, verb, data: { escalationId, ...data } }));
    expect(answerOf(await press(teamsStaff, ACTION.approveCandidate)).value).toBe('Only the support leads named in Baton\u2019s configuration can approve knowledge.');
    expect(answerOf(await press(teamsLead, ACTION.approveCandidate)).value).toBe('Approved. Baton answers from this resolution from now on.');
    expect(answerOf(await press(teamsLead, ACTION.approveCandidate)).value).toBe('Already approved and in the knowledge base.');

    expect(answerOf(await press(teamsStaff, ACTION.shareCandidate)).value).toBe('Only the support leads named in Baton\u2019s configuration can share knowledge.');
    const form = answerOf(await press(teamsLead, ACTION.shareCandidate));
    expect(JSON.stringify(form.value)).toContain('"id":"shared_answer"');
    expect(JSON.stringify(answerOf(await press(teamsLead, ACTION.submitShare, { shared_answer: '  ' })).value)).toContain('An empty answer cannot be shared.');
    const shared = answerOf(await press(teamsLead, ACTION.submitShare, { shared_answer: 'A reset email can land in your mail quarantine: release it there.' }));
    expect(JSON.stringify(shared.value)).toContain('shared with every customer by Lena Lead');

    // From a client without Action.Execute, Reject arrives as a message; the review card is replaced in place.
    const archive = posts.find((c) => c.body.summary === 'Answer to review: archive_project')!;
    const reject = (cardsIn(archive)[0]!.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === ACTION.rejectAnswer)!.data;
    await send(personalSubmit({ serviceUrl: connector.url, from: teamsLead, cardId: archive.id!, verb: ACTION.rejectAnswer, data: reject }));
    const replaced = await connector.waitFor((c) => c.kind === 'update' && c.activityId === archive.id);
    expect(JSON.stringify(cardsIn(replaced))).toContain('Rejected by Lena Lead; not proposed again.');

    const [summary, ...consents] = await write(w, teamsLead, 'export 30d');
    expect(summary!.body.text).toMatch(/^Training export: 1 escalation, personal data redacted\./);
    const files = consents.map((c) => (c.body.attachments as { name: string; content: { acceptContext: unknown } }[])[0]!);
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^baton-training-.*\.jsonl$/), expect.stringMatching(/^baton-escalations-.*\.csv$/)]);
    await send(fileConsentInvoke({ serviceUrl: connector.url, from: teamsLead, cardId: consents[0]!.id!, context: files[0]!.content.acceptContext }));
    expect((await connector.waitFor((c) => c.kind === 'upload')).uploaded).toContain('mail quarantine');
  });
});

