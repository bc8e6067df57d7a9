import { describe, expect, it } from 'vitest';
import { Harness } from '../e2e/harness.js';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector.js';
import { channelMessage, postActivity, teamsCustomer } from './teams-activities.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  TEAMS_APP_ID: '33333333-3333-4333-8333-333333333333',
  TEAMS_APP_PASSWORD: 'client-secret',
  TEAMS_APP_TENANT_ID: '11111111-1111-4111-8111-111111111111',
  TEAMS_SERVICE_HOSTS: '127.0.0.1',
};

describe('Teams requests in production', () => {
  it('are refused with 401 without a valid Bot Framework token, and nothing is acted on', async () => {
    const connector = await FakeTeamsConnector.start();
    const h = await Harness.start({ policyFile: 'test/teams/baton.teams.yaml', env: PRODUCTION });
    try {
      const url = `http://127.0.0.1:${h.baton.port}/api/messages`;
      const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: 'How do I invite a teammate?' });
      const anonymous = await postActivity(url, ask);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toContain('authorization header not found');
      expect((await postActivity(url, ask, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
      // Without a token even a body that is no activity is refused as unauthorized, not inspected.
      const malformed = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(malformed.status).toBe(401);
      expect(await h.baton.intake.inbox.pending()).toEqual([]);
      expect(connector.calls).toEqual([]);
    } finally {
      await h.stop();
      await connector.stop();
    }
  });

  it('leave Baton not ready while no Bot Connector token can be had, naming Teams and the step in /readyz', async () => {
    // The app registration is made up, so Entra refuses it (or, offline, cannot be reached): either way no token.
    const h = await Harness.start({ policyFile: 'test/teams/baton.teams.yaml', env: PRODUCTION });
    try {
      const ready = await fetch(`http://127.0.0.1:${h.baton.port}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('not ready');
      expect(body.checks.teams).toMatch(/^Bot Connector token: \S+/);
      expect(body.checks.slack).toBe('ok');
    } finally {
      await h.stop();
    }
  });

  it('never run unauthenticated: without TEAMS_APP_ID Baton refuses to start, naming the setting', async () => {
    const { TEAMS_APP_ID: _, ...withoutApp } = PRODUCTION;
    await expect(Harness.start({ policyFile: 'test/teams/baton.teams.yaml', env: withoutApp })).rejects.toThrow(/TEAMS_APP_ID: required when NODE_ENV=production/);
  });
});
