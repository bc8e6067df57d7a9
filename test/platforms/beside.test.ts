import { afterEach, describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../src/web/render/events.js';
import { WEB, type OpenPlayground } from '../../src/web/web-platform.js';
import { ACCESS_QUEUE, CONTOSO_CHANNEL, channelMessage, installedInTeam, teamsCustomer } from '../teams/teams-activities.js';
import { startTeamsWorld, type TeamsWorld } from '../teams/teams-world.js';
import { pageClient } from '../web/playground-client.js';

const HANDOFF = 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?';

let world: TeamsWorld | undefined;
afterEach(async () => {
  await world?.h.stop();
  await world?.connector.stop();
  world = undefined;
});

function shown(playground: OpenPlayground): PlaygroundEvent[] {
  const all: PlaygroundEvent[] = [];
  playground.feed.find((e) => {
    all.push(e);
    return false;
  });
  return all;
}

describe('the playground beside the other platforms', () => {
  it('runs beside Slack and Teams in one process: each customer’s packet lands on their own platform, and a reset leaves Teams’ alone', async () => {
    world = await startTeamsWorld({ BATON_PLAYGROUND: '1' });
    const w = world;
    expect([...w.h.baton.platforms.keys()].sort()).toEqual(['slack', 'teams', 'web']);
    expect((await w.send(installedInTeam(w.connector.url))).status).toBe(200);
    const playground = w.h.baton.platforms.get(WEB) as OpenPlayground;

    const asked = channelMessage({ serviceUrl: w.connector.url, from: teamsCustomer, text: HANDOFF });
    expect((await w.send(asked)).status).toBe(200);
    await w.connector.waitFor((c) => c.kind === 'create' && c.status === 201 && c.conversationId === ACCESS_QUEUE);
    const page = await pageClient(playground.url!);
    expect((await page.call('/api/customer-messages', { account: 'contoso', customer: 'web-contoso-alex', text: HANDOFF })).status).toBe(200);
    await expect.poll(() => shown(playground).some((e) => e.type === 'packet'), { timeout: 10_000 }).toBe(true);
    await w.h.baton.idle();
    // The Teams queue holds the Teams customer's packet only; the playground's is on its own board.
    expect(w.connector.calls.filter((c) => c.kind === 'create' && c.status === 201 && c.conversationId === ACCESS_QUEUE)).toHaveLength(1);

    expect((await page.call('/api/reset', {})).status).toBe(200);
    const teamsEscalation = (await w.h.baton.core.conversations.get(`teams:${CONTOSO_CHANNEL}:${asked.id}`))?.escalationId;
    expect(teamsEscalation && (await w.h.baton.core.escalations.get(teamsEscalation))).toMatchObject({ status: 'open', packet: { platform: 'teams' } });
    expect(shown(playground).filter((e) => e.type === 'packet')).toEqual([]);
  });
});
