import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/load-settings.js';

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

  it('runs Slack when Slack settings are complete, and the playground beside them only when asked', () => {
    const slack = { ...POLICY, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(loadSettings(slack).mode).toBe('platforms');
    expect(loadSettings(slack).env.BATON_STORE).toBe('sqlite://data/baton.sqlite');
    expect(loadSettings({ ...slack, BATON_PLAYGROUND: '1' }).mode).toBe('playground');
  });

  it('treats a Teams setting alone as an install, so the missing Slack settings are named', () => {
    expect(() => loadSettings({ ...POLICY, TEAMS_APP_PASSWORD: 'secret' })).toThrow(SettingsError);
    expect(() => loadSettings({ ...POLICY, TEAMS_APP_TENANT_ID: '8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' })).toThrow(SettingsError);
  });

  it('rejects a BATON_PLAYGROUND that is neither 0 nor 1, naming it', () => {
    expect(() => loadSettings({ ...POLICY, BATON_PLAYGROUND: 'yes' })).toThrow(/BATON_PLAYGROUND/);
  });
});
