import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION, REPLY_FIELD } from '../../src/core/model/actions.js';
import type { AdaptiveCard } from '../../src/teams/render/adaptive-card.js';
import type { ConnectorCall } from '../fakes/fake-teams-connector.js';
import { assertCardWithinLimits } from './card-limits.js';
import { ACCESS_QUEUE, channelMessage, installedInTeam, queueInvoke, teamsCustomer, teamsStaff } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

/** The Teams policy with Contoso in copilot mode and how-to questions routed to the access queue, a Teams channel. */
function copilotPolicy(): string {
  const teams = readFileSync('test/teams/baton.teams.yaml', 'utf8');
  const text = teams
    .replace('"teams:19:contoso-chat@thread.v2"] }', '"teams:19:contoso-chat@thread.v2"], mode: copilot }')
    .replace('    - when: { categories: [account_access] }', '    - when: { categories: [account_access, how_to] }');
  expect(text.match(/copilot|how_to\]/g)).toHaveLength(2);
  const file = join(mkdtempSync(join(tmpdir(), 'baton-teams-copilot-')), 'baton.yaml');
  writeFileSync(file, text);
  return file;
}

const world = useTeamsWorld(copilotPolicy);
const QUESTION = 'How do I invite a teammate?';

async function draftCard(): Promise<{ root: string; card: AdaptiveCard; id: string }> {
  const created = await world().connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
  const [card] = cardsIn(created);
  const id = /Copilot draft (E-[A-Z0-9]+)/.exec(JSON.stringify(card))?.[1];
  if (!card || !id) throw new Error('the queue thread carries no draft card');
  return { root: created.id!, card, id };
}

function answeredCard(body: string): AdaptiveCard {
  const answer = JSON.parse(body) as { type: string; value: AdaptiveCard };
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  assertCardWithinLimits(answer.value);
  return answer.value;
}

const verbs = (card: AdaptiveCard) => (card.actions ?? []).flatMap((a) => (typeof a.verb === 'string' ? [a.verb] : []));
const customerPosts = (root: string) => (c: ConnectorCall) => (c.kind === 'reply' || c.kind === 'send') && c.conversationId.includes(`messageid=${root}`) && !c.conversationId.startsWith(ACCESS_QUEUE);

describe('copilot mode with a Teams customer and a Teams queue', () => {
  it('puts the draft on the queue card; Edit and send relays exactly the edited text to the Teams customer', async () => {
    const { send, connector, postIn, h } = world();
    await send(installedInTeam(connector.url));
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: QUESTION });
    await send(ask);
    const { root, card, id } = await draftCard();
    expect(JSON.stringify(card)).toContain('Sources: Inviting teammates');
    expect(verbs(card)).toEqual([ACTION.sendDraft, ACTION.editDraft, ACTION.discardDraft]);
    const click = (verb: string, data: Record<string, unknown>, from = teamsStaff) => send(queueInvoke({ serviceUrl: connector.url, from, root, verb, data }));

    expect(JSON.parse((await click(ACTION.sendDraft, { escalationId: id }, teamsCustomer)).body).value).toMatch(/Only the support team/);
    const editor = answeredCard((await click(ACTION.editDraft, { escalationId: id })).body);
    expect(JSON.stringify(editor)).toContain('Members and press');
    expect(verbs(editor)).toContain(ACTION.sendEditedDraft);
    const sent = answeredCard((await click(ACTION.sendEditedDraft, { escalationId: id, [REPLY_FIELD]: 'Open Members in Settings and press Invite.' })).body);
    expect(JSON.stringify(sent)).toContain(`Edited and sent by ${teamsStaff.name}`);
    expect(verbs(sent)).toEqual([]);
    await postIn(ask.id, (c) => c.body.text === `${teamsStaff.name} from our team: Open Members in Settings and press Invite.`);
    await h.settle();
    expect(connector.calls.filter(customerPosts(ask.id)).map((c) => c.body.text)).toEqual([`${teamsStaff.name} from our team: Open Members in Settings and press Invite.`]);
  });

  it('sends nothing of a discarded draft, and offers Reply to customer on the card', async () => {
    const { send, connector, h } = world();
    await send(installedInTeam(connector.url));
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: QUESTION });
    await send(ask);
    const { root, id } = await draftCard();
    const discarded = answeredCard((await send(queueInvoke({ serviceUrl: connector.url, from: teamsStaff, root, verb: ACTION.discardDraft, data: { escalationId: id } }))).body);
    expect(JSON.stringify(discarded)).toContain(`Discarded by ${teamsStaff.name}`);
    expect(verbs(discarded)).toEqual([ACTION.replyToCustomer]);
    await h.settle();
    expect(connector.calls.filter(customerPosts(ask.id))).toEqual([]);
  });
});
