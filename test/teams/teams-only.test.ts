import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../src/baton.js';
import { readEnv } from '../../src/config/env.js';
import { loadPolicy } from '../../src/config/load-policy.js';
import { ACTION, CLOSE_FIELD, VIEW } from '../../src/core/model/actions.js';
import { createLogger } from '../../src/infra/logger.js';
import { E2E_KNOWLEDGE } from '../e2e/knowledge.js';
import { type ConnectorCall, FakeTeamsConnector } from '../fakes/fake-teams-connector.js';
import { ACCESS_QUEUE, CONTOSO_CHANNEL, channelMessage, installedInTeam, postActivity, queueSubmit, teamsCustomer, teamsStaff } from './teams-activities.js';
import { cardsIn } from './teams-world.js';

const POLICY = 'test/teams/baton.teams-only.yaml';
let running: { baton: RunningBaton; connector: FakeTeamsConnector } | undefined;

/** Baton as `npm start` starts it with Teams settings only: no SLACK_* variable, a policy naming no Slack channel. */
async function startTeamsOnly() {
  const connector = await FakeTeamsConnector.start();
  for (const m of [teamsCustomer, teamsStaff]) connector.addMember(m);
  const env = readEnv({ PORT: '0', BATON_CONFIG: POLICY, BATON_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-teams-only-')), 'baton.sqlite')}`, TEAMS_SERVICE_HOSTS: '127.0.0.1' });
  const baton = await startBaton({ env, policy: loadPolicy(POLICY), log: createLogger('silent'), knowledge: E2E_KNOWLEDGE, sourceEnv: {} });
  running = { baton, connector };
  const url = `http://127.0.0.1:${baton.port}/api/messages`;
  return { baton, connector, send: (activity: unknown) => postActivity(url, activity) };
}

afterEach(async () => {
  await running?.baton.stop();
  await running?.connector.stop();
  running = undefined;
});

const inQueueThread = (root: string) => (c: ConnectorCall) => c.conversationId === `${ACCESS_QUEUE};messageid=${root}` || c.activityId === root;
const inCustomerThread = (root: string) => (c: ConnectorCall) => c.kind === 'reply' && c.status === 201 && c.conversationId === `${CONTOSO_CHANNEL};messageid=${root}`;

describe('a Teams-only vendor (no Slack settings at all)', () => {
  it('is ready with Teams checked by name, and no Slack check', async () => {
    const { baton } = await startTeamsOnly();
    const ready = await fetch(`http://127.0.0.1:${baton.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', teams: 'ok', knowledge: 'ok', deliveries: 'ok' } });
  });

  it('answers a customer, opens a packet in the Teams queue on request, and a specialist claims and closes it', async () => {
    const { baton, connector, send } = await startTeamsOnly();
    expect([...baton.platforms.keys()]).toEqual(['teams']);
    expect((await send(installedInTeam(connector.url))).status).toBe(200);

    const question = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
    expect((await send(question)).status).toBe(200);
    const answer = await connector.waitFor(inCustomerThread(question.id));
    expect(JSON.stringify(cardsIn(answer))).toContain('Source:');

    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?' });
    await send(ask);
    const packet = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(cardsIn(packet)))?.[1];
    expect(escalationId).toBeDefined();
    await connector.waitFor((c) => inCustomerThread(ask.id)(c) && String(c.body.text).includes('access specialist'));

    const click = (verb: string, data: Record<string, unknown>) => send(queueSubmit({ serviceUrl: connector.url, from: teamsStaff, root: packet.id!, verb, data: { escalationId, ...data } }));
    expect((await click(ACTION.claim, {})).status).toBe(200);
    await connector.waitFor((c) => inQueueThread(packet.id!)(c) && c.kind === 'update' && JSON.stringify(c.body).includes(`Claimed by ${teamsStaff.name}`));
    await connector.waitFor((c) => inCustomerThread(ask.id)(c) && c.body.text === `${teamsStaff.name} from our team is on it now.`);

    const tags = { [CLOSE_FIELD.rootCause]: 'other', [CLOSE_FIELD.aiAccuracy]: 'correct', [CLOSE_FIELD.automation]: 'maybe' };
    expect((await click(ACTION.close, {})).status).toBe(200);
    expect((await click(VIEW.closeEscalation, tags)).status).toBe(200);
    await connector.waitFor((c) => inQueueThread(packet.id!)(c) && c.kind === 'update' && JSON.stringify(c.body).includes('Resolved by'));
    expect((await baton.core.escalations.get(escalationId!))?.status).toBe('resolved');
  });
});
