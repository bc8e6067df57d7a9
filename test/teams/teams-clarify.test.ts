import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { E2E_KNOWLEDGE } from '../e2e/knowledge.js';
import { NAME_TOPICS } from '../e2e/clarify-knowledge.js';
import { CONTOSO_CHANNEL, channelMessage, executeInvoke, teamsCustomer } from './teams-activities.js';
import { cardsIn, useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld(undefined, [...E2E_KNOWLEDGE, ...NAME_TOPICS]);

interface CardButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

describe('a clarifying question in Teams', () => {
  it('is a card with one button per reading; pressing one gets the answer for that reading', async () => {
    const { send, connector, postIn } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I change the name?' });
    await send(ask);
    const question = await postIn(ask.id);
    const buttons = (cardsIn(question)[0]?.actions ?? []) as unknown as CardButton[];
    expect(buttons.map((b) => b.title).sort()).toEqual(['How to: Renaming the workspace', 'How to: Your display name', 'Something else / talk to a person']);
    const workspace = buttons.find((b) => b.title === 'How to: Renaming the workspace')!;
    expect(workspace.verb).toBe(ACTION.clarify);
    const res = await send(executeInvoke({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, cardId: question.id!, verb: workspace.verb, data: workspace.data }));
    expect(res.status).toBe(200);
    const answer = await postIn(ask.id, (c) => JSON.stringify(cardsIn(c)).includes('Workspace name'));
    expect(JSON.stringify(cardsIn(answer))).toContain('General');
    expect(connector.posts(CONTOSO_CHANNEL).some((c) => JSON.stringify(cardsIn(c)).includes('Display name'))).toBe(false);
  });
});
