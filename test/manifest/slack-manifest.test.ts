/**
 * manifest/*.yaml against Slack's published manifest JSON Schema (slackapi/manifest-schema v0.5.0,
 * vendored in test/fixtures/schemas/slack). Slack's own `apps.manifest.validate` needs the network
 * and a configuration token, so this is the check CI can run (platform-facts §5.2).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(root(path), 'utf8')) as Record<string, unknown>;
const readYaml = (path: string): Record<string, unknown> => parse(readFileSync(root(path), 'utf8')) as Record<string, unknown>;

/** The remote URLs the dispatcher schema `$ref`s; the local copies are registered under them. */
const REMOTE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
const SCHEMAS = 'test/fixtures/schemas/slack/';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function buildValidator(): ValidateFunction {
  // strict:false because the upstream schemas use non-standard keywords (`_note`, `regex`).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(readJson(`${SCHEMAS}manifest.schema.1.0.0.json`), `${REMOTE}manifest.schema.1.0.0.json`);
  ajv.addSchema(readJson(`${SCHEMAS}manifest.schema.2.0.0.json`), `${REMOTE}manifest.schema.2.0.0.json`);
  return ajv.compile(readJson(`${SCHEMAS}manifest.schema.json`));
}

const validate = buildValidator();
const problems = (errors: ErrorObject[] | null | undefined): string[] => (errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('Slack app manifest', () => {
  it.each(['manifest/slack.yaml', 'manifest/slack.http.yaml'])('%s is valid against the official schema', (file) => {
    const ok = validate(readYaml(file));
    expect(problems(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator is wired: the upstream fixture passes and a 36-character name fails with its pointer', () => {
    expect(validate(readJson(`${SCHEMAS}upstream-manifest.valid.v1.json`))).toBe(true);
    const broken = readYaml('manifest/slack.yaml');
    broken.display_information = { name: 'B'.repeat(36) };
    expect(validate(broken)).toBe(false);
    expect(problems(validate.errors)).toContain('/display_information/name must NOT have more than 35 characters');
  });

  it('declares what Baton relies on', () => {
    const m = readYaml('manifest/slack.yaml') as {
      features: { app_home: unknown; bot_user: unknown; slash_commands: unknown[] };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] }; interactivity: unknown; socket_mode_enabled: boolean };
    };
    expect(m.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: false });
    expect(m.features.bot_user).toEqual({ display_name: 'baton', always_online: true });
    expect(m.features.slash_commands[0]).toMatchObject({ command: '/baton', usage_hint: 'report [7d|30d|90d|quarter] [category] | review | gaps [7d|30d|90d] | export' });
    expect(m.oauth_config.scopes.bot).toEqual([
      'app_mentions:read', 'channels:history', 'groups:history', 'channels:read', 'groups:read',
      'chat:write', 'commands', 'users:read', 'files:write', 'im:write',
    ]);
    expect(m.settings.event_subscriptions.bot_events).toEqual([
      'app_mention', 'message.channels', 'message.groups', 'app_home_opened',
      'member_joined_channel', 'channel_shared', 'channel_id_changed', 'app_uninstalled', 'tokens_revoked',
    ]);
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
    expect(m.settings.socket_mode_enabled).toBe(true);
  });

  it('the HTTP variant differs from the Socket Mode one only in request URLs and socket_mode_enabled', () => {
    const http = readYaml('manifest/slack.http.yaml') as Record<string, Record<string, unknown>>;
    const url = 'https://YOUR-HOST/slack/events';
    const settings = http.settings as { event_subscriptions: Record<string, unknown>; interactivity: Record<string, unknown> };
    expect(settings.event_subscriptions.request_url).toBe(url);
    expect(settings.interactivity.request_url).toBe(url);
    const commands = (http.features?.slash_commands ?? []) as Record<string, unknown>[];
    expect(commands[0]?.url).toBe(url);

    delete settings.event_subscriptions.request_url;
    delete settings.interactivity.request_url;
    delete commands[0]?.url;
    http.settings = { ...http.settings, socket_mode_enabled: true };
    expect(http).toEqual(readYaml('manifest/slack.yaml'));
  });
});
