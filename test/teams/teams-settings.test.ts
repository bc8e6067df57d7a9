import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { teamsSettings } from '../../src/teams/teams-settings.js';

const BATON = { TEAMS_APP_ID: '33333333-3333-4333-8333-333333333333', TEAMS_APP_PASSWORD: 'secret', TEAMS_APP_TENANT_ID: '11111111-1111-4111-8111-111111111111' };

describe('Teams settings', () => {
  it('come only from TEAMS_*: the SDK\u2019s own names (any case) stop the start, each named', () => {
    const source = { ...BATON, clientId: 'aaaa', MICROSOFTAPPPASSWORD: 'x', connections__serviceConnection__settings__clientId: 'b', PATH: '/usr/bin' };
    expect(() => teamsSettings(readEnv(source), source)).toThrow(
      /environment: clientId: read by the Microsoft 365 Agents SDK[^\n]*\nenvironment: MICROSOFTAPPPASSWORD: [^\n]*\nenvironment: connections__serviceConnection__settings__clientId: /,
    );
  });

  it('take the app id from TEAMS_APP_ID when nothing else is set', () => {
    expect(teamsSettings(readEnv(BATON), BATON).appId).toBe(BATON.TEAMS_APP_ID);
  });
});
