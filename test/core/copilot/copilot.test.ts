import { describe, expect, it } from 'vitest';
import { answerMode } from '../../../src/core/copilot/answer-mode.js';
import { discardDraft, draftToEdit, sendDraft } from '../../../src/core/copilot/review-draft.js';
import { handleMessage } from '../../../src/core/conversation/handle-message.js';
import { draftFigures, draftRows } from '../../../src/core/copilot/draft-figures.js';
import { escalationFacts, isHandoff } from '../../../src/core/metrics/facts.js';
import { problems } from '../../config/policy-problems.js';
import { readFileSync } from 'node:fs';
import { ACME, ACME_SECOND, ANSWER, ana, ask, ben, casey, copilotPolicy, copilotWorld } from './copilot-world.js';

type World = ReturnType<typeof copilotWorld>;

const relayed = (w: World) => w.toCustomer.filter((m) => m.message.kind === 'notice').map((m) => m.message.text);

describe('copilot mode', () => {
  it('takes the channel\'s own mode over the account\'s, both ways', () => {
    const copilotAccount = copilotPolicy('copilot', 'autopilot');
    expect(answerMode(copilotAccount, { platform: 'slack', channel: ACME })).toBe('copilot');
    expect(answerMode(copilotAccount, { platform: 'slack', channel: ACME_SECOND })).toBe('autopilot');
    const autopilotAccount = copilotPolicy('autopilot', 'copilot');
    expect(answerMode(autopilotAccount, { platform: 'slack', channel: ACME })).toBe('autopilot');
    expect(answerMode(autopilotAccount, { platform: 'slack', channel: ACME_SECOND })).toBe('copilot');
  });

  it('refuses a channel mode for a channel the account does not have', () => {
    const text = readFileSync('test/fixtures/e2e/baton.e2e.yaml', 'utf8').replace('channels: [C0ACME0001] }', 'channels: [C0ACME0001], channel_modes: { C0OTHER001: copilot } }');
    expect(problems(text)).toEqual([expect.stringContaining('accounts[0].channel_modes.C0OTHER001: C0OTHER001 is not one of this account\'s channels')]);
  });

  it('posts the answer only as a draft packet, and answers the autopilot channel of the same account', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'autopilot'));
    const { draftId } = await ask(w);
    expect(w.toCustomer).toEqual([]);
    expect(w.packets.get(draftId!)).toMatchObject({ draft: { state: 'pending' }, draftAnswer: { citations: [{ title: 'Inviting teammates' }] } });
    await ask(w, ACME_SECOND);
    expect(w.toCustomer.map((m) => [m.channel, m.message.kind])).toEqual([[ACME_SECOND, 'answer']]);
  });

  it('sends a draft once, whoever clicks second', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const { draftId } = await ask(w);
    const [first, second] = await Promise.all([sendDraft(w.deps, draftId!, ana), sendDraft(w.deps, draftId!, ben)]);
    await w.deliverAll();
    expect(first).toEqual({ ok: true, state: 'sent' });
    expect(second).toMatchObject({ ok: false, reason: 'already_reviewed' });
    expect(relayed(w)).toEqual(['Ana from our team: Go to Settings, then Members, and press Invite.']);
    expect(w.packets.get(draftId!)?.draft).toMatchObject({ state: 'sent', by: 'Ana' });
    expect(w.internal).toEqual(["Ana sent Baton's draft to the customer as it was."]);
  });

  it('sends a Markdown draft as the plain text a customer reads, links spelled out, and offers that text to edit', async () => {
    const markdown = { ...ANSWER, answer: { ...ANSWER.answer!, text: 'Open **Settings > Members** and see [the guide](https://docs.example.com/invite).' } };
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'), markdown);
    const { draftId } = await ask(w);
    const plain = 'Open Settings > Members and see the guide (https://docs.example.com/invite).';
    expect(await draftToEdit(w.deps, draftId!, ana)).toEqual({ ok: true, text: plain });
    expect(await sendDraft(w.deps, draftId!, ana, plain)).toEqual({ ok: true, state: 'sent' });
    await w.deliverAll();
    expect(relayed(w)).toEqual([`Ana from our team: ${plain}`]);
  });

  it('counts an edit that only changes spacing as sent as is, and a real edit as edited', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const spacing = await ask(w);
    const text = await draftToEdit(w.deps, spacing.draftId!, ana);
    expect(text).toEqual({ ok: true, text: 'Go to Settings, then Members, and press Invite.' });
    expect(await sendDraft(w.deps, spacing.draftId!, ana, '  Go to Settings,  then Members, and press Invite.\n')).toEqual({ ok: true, state: 'sent' });
    const real = await ask(w);
    expect(await sendDraft(w.deps, real.draftId!, ana, 'Members, then Invite.')).toEqual({ ok: true, state: 'edited' });
    expect(await sendDraft(w.deps, (await ask(w)).draftId!, ana, '   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('sends nothing of a discarded draft and stays quiet while people have the thread', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const { thread, draftId } = await ask(w);
    expect(await discardDraft(w.deps, draftId!, casey)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await discardDraft(w.deps, draftId!, ana)).toEqual({ ok: true, state: 'discarded' });
    expect(await sendDraft(w.deps, draftId!, ben)).toMatchObject({ ok: false, reason: 'already_reviewed', state: 'discarded', by: { id: ana.id } });
    const followUp = await ask(w, ACME, casey, thread);
    expect(followUp.draftId).toBeUndefined();
    expect(w.toCustomer).toEqual([]);
    expect(w.packets.size).toBe(1);
  });

  it('counts a draft as discarded when a specialist answers in the customer thread instead', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const { thread, draftId } = await ask(w);
    await handleMessage(w.deps, { id: 'staff-1', ref: { platform: 'slack', channel: ACME, thread }, author: ana, text: 'Invite them from Members.', at: w.at() });
    expect(w.escalations.get(draftId!)?.draft?.state).toBe('discarded');
    expect(await sendDraft(w.deps, draftId!, ana)).toMatchObject({ ok: false, reason: 'already_reviewed' });
    await w.deliverAll();
    expect(w.toCustomer).toEqual([]);
  });

  it('keeps drafts out of every escalation figure and counts them by outcome for the review', async () => {
    const w = copilotWorld(copilotPolicy('copilot', 'copilot'));
    const drafts = [await ask(w), await ask(w), await ask(w), await ask(w)].map((a) => a.draftId!);
    await sendDraft(w.deps, drafts[0]!, ana);
    await sendDraft(w.deps, drafts[1]!, ana, 'Members, then Invite.');
    await discardDraft(w.deps, drafts[2]!, ana);
    const facts = [...w.escalations.values()].map(escalationFacts);
    expect(facts.filter(isHandoff)).toEqual([]);
    const figures = draftFigures(draftRows(facts), 0, w.at() + 1);
    expect(figures.current).toEqual({ offered: 4, sent: 1, edited: 1, discarded: 1, waiting: 1, acceptanceRate: 2 / 3 });
    expect(figures.byCategory).toEqual([{ category: 'how_to', tally: figures.current }]);
    expect(draftFigures(draftRows(facts), w.at() + 1, w.at() + 2).current).toEqual({ offered: 0, sent: 0, edited: 0, discarded: 0, waiting: 0 });
  });
});
