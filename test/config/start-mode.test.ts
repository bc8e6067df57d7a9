import { describe, expect, it } from 'vitest';
import { loadSettings as load, SettingsError } from '../../src/config/load-settings.js';
import { missingPlatformSettings } from '../../src/platform/configured-platforms.js';
import { PLATFORMS, platformsFor } from '../../src/platforms.js';

/** As `npm start` reads its settings: each platform the environment and policy ask for names what it is missing. */
const loadSettings = (source: NodeJS.ProcessEnv) => load(source, (s, policy) => missingPlatformSettings(PLATFORMS, s, policy));

const POLICY = { BATON_CONFIG: 'config/baton.yaml' };

describe('what npm start opens', () => {
  it('opens the playground with no Slack or Teams setting, on its own store, logging only problems', () => {
    const settings = loadSettings(POLICY);
    expect(settings.mode).toBe('playground');
    expect(settings.env.BATON_STORE).toBe('sqlite://data/playground.sqlite');
    expect(settings.env.LOG_LEVEL).toBe('warn');
    expect(settings.env.BATON_PLAYGROUND_HOST).toBe('127.0.0.1');
  });

  it('keeps a store and log level that were asked for', () => {
    const settings = loadSettings({ ...POLICY, BATON_STORE: 'sqlite:///tmp/mine.sqlite', LOG_LEVEL: 'debug' });
    expect(settings.env.BATON_STORE).toBe('sqlite:///tmp/mine.sqlite');
    expect(settings.env.LOG_LEVEL).toBe('debug');
  });

  it('runs Slack when Slack settings are complete, and the playground beside it, on Slack’s store, only when asked', () => {
    const slack = { ...POLICY, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(loadSettings(slack).mode).toBe('platforms');
    expect(loadSettings(slack).env.BATON_STORE).toBe('sqlite://data/baton.sqlite');
    expect(PLATFORMS.filter((p) => p.wanted(loadSettings(slack).env, undefined)).map((p) => p.tag)).toEqual(['slack']);
    const beside = loadSettings({ ...slack, BATON_PLAYGROUND: '1' });
    expect(beside.mode).toBe('platforms');
    expect(beside.env).toMatchObject({ BATON_STORE: 'sqlite://data/baton.sqlite', LOG_LEVEL: 'info' });
    expect(PLATFORMS.filter((p) => p.wanted(beside.env, undefined)).map((p) => p.tag)).toEqual(['slack', 'web']);
  });

  it('runs the playground alone with BATON_PLAYGROUND=1 and no Slack or Teams setting, whatever channels the policy names', () => {
    const alone = loadSettings({ ...POLICY, BATON_PLAYGROUND: '1' });
    expect(alone.mode).toBe('playground');
    expect(platformsFor(alone.mode).map((p) => p.tag)).toEqual(['web']);
  });

  it('treats a Teams setting alone as an install: a policy with Slack channels names the missing Slack settings', () => {
    expect(() => loadSettings({ ...POLICY, TEAMS_APP_PASSWORD: 'secret' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadSettings({ ...POLICY, TEAMS_APP_TENANT_ID: '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' })).toThrow(SettingsError);
  });

  it('runs Teams alone when the policy names no Slack channel: no Slack setting is asked for', () => {
    const teams = { BATON_CONFIG: 'test/teams/baton.teams-only.yaml', TEAMS_APP_ID: '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4c', TEAMS_APP_PASSWORD: 'secret', TEAMS_APP_TENANT_ID: '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' };
    expect(loadSettings(teams).mode).toBe('platforms');
  });

  it('runs Teams in local development (no app id, replies to a loopback Bot Connector) when only TEAMS_SERVICE_HOSTS is set', () => {
    expect(loadSettings({ BATON_CONFIG: 'test/teams/baton.teams-only.yaml', TEAMS_SERVICE_HOSTS: '127.0.0.1' }).mode).toBe('platforms');
  });

  it('rejects a BATON_PLAYGROUND that is neither 0 nor 1, naming it', () => {
    expect(() => loadSettings({ ...POLICY, BATON_PLAYGROUND: 'yes' })).toThrow(/BATON_PLAYGROUND/);
  });
});
