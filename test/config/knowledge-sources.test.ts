import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ConfigError, parsePolicy } from '../../src/config/load-policy.js';

const policy = (sources: string) => `vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: other, label: Other }]
categories: [{ name: how_to, risk: low }]
knowledge:
  sources:
${sources}`;

function problems(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parsePolicy(text, 'baton.yaml', env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems.map((p) => `${p.line}:${p.key}: ${p.message}`);
  }
}

describe('knowledge.sources in the policy', () => {
  it('reads each kind with its audience and interval', () => {
    const parsed = parsePolicy(
      policy(`    - { id: docs, kind: markdown, path: config/knowledge }
    - { id: help, kind: zendesk, url: "https://acme.zendesk.com", locale: en-us, email_env: ZD_EMAIL, token_env: ZD_TOKEN, segments: { "360001": { tiers: [enterprise] }, "360002": internal }, sync_minutes: 15 }
    - { id: site, kind: docs_site, sitemap: "https://docs.acme.com/sitemap.xml", audience: { accounts: [acme] } }
    - { id: fd, kind: freshdesk, url: "https://acme.freshdesk.com", token_env: FD_KEY, folders: { "4001": internal } }
    - { id: hs, kind: helpscout, token_env: HS_KEY, collections: { "5214c77c45667acd25394b51": { tiers: [enterprise] } } }
    - { id: wiki, kind: confluence, path: exports/SUP.zip, audience: internal }
    - { id: notes, kind: notion, path: exports/notion }`),
      'baton.yaml',
      { ZD_EMAIL: 'lead@acme.com', ZD_TOKEN: 'token', FD_KEY: 'key', HS_KEY: 'key' },
    );
    expect(parsed.knowledge.sources).toMatchObject([
      { id: 'docs', kind: 'markdown', audience: { everyone: true }, sync_minutes: 60 },
      { id: 'help', kind: 'zendesk', sync_minutes: 15, segments: { '360001': { tiers: ['enterprise'] }, '360002': { internal: true } } },
      { id: 'site', kind: 'docs_site', audience: { accounts: ['acme'] }, max_pages: 2000 },
      { id: 'fd', kind: 'freshdesk', folders: { '4001': { internal: true } } },
      { id: 'hs', kind: 'helpscout', url: 'https://docsapi.helpscout.net', collections: { '5214c77c45667acd25394b51': { tiers: ['enterprise'] } } },
      { id: 'wiki', kind: 'confluence', path: 'exports/SUP.zip', audience: { internal: true } },
      { id: 'notes', kind: 'notion', path: 'exports/notion', audience: { everyone: true } },
    ]);
  });

  it('names every problem at once, at its line: kinds, locations, audiences, ids and unset secrets', () => {
    const found = problems(policy(`    - { id: help, kind: zendesk, url: "https://acme.zendesk.com", file: articles.json, email_env: ZD_EMAIL, token_env: ZD_TOKEN }
    - { id: help, kind: docs_site, urls: ["ftp://docs.acme.com/a"] }
    - { id: wiki, kind: sharepoint, path: export.zip }
    - { id: site, kind: docs_site, sitemap: "https://docs.acme.com/sitemap.xml", audience: { accounts: [initech] } }
    - { id: seg, kind: zendesk, url: "https://acme.zendesk.com", segments: { "1": staff } }
    - { id: fd, kind: freshdesk, url: "https://acme.freshdesk.com", folders: { "4001": { accounts: [initech] } } }`));
    expect(found).toEqual(
      expect.arrayContaining([
        '9:knowledge.sources[0].url: give either url (the help center) or file (a saved API response), not both',
        '10:knowledge.sources[1].urls[0]: an http(s) URL',
        expect.stringMatching(/^11:knowledge\.sources\[2\]\.kind: kind is one of markdown, zendesk, intercom, freshdesk, helpscout, docs_site, confluence, notion/),
        '13:knowledge.sources[4].segments.1: everyone, internal, { tiers: [...] } or { accounts: [...] }',
        '10:knowledge.sources[1].id: "help" is used twice',
        '12:knowledge.sources[3].audience.accounts[0]: no account "initech" in accounts',
        '9:knowledge.sources[0].email_env: environment variable ZD_EMAIL is not set',
        '9:knowledge.sources[0].token_env: environment variable ZD_TOKEN is not set',
        '14:knowledge.sources[5].token_env: the Freshdesk API needs token_env (or give file, a saved response)',
        '14:knowledge.sources[5].folders.4001.accounts[0]: no account "initech" in accounts',
      ]),
    );
  });
});

describe('the documented example of knowledge sources (docs/knowledge.md)', () => {
  it('is a valid policy section, once its secrets are set', () => {
    const page = readFileSync('docs/knowledge.md', 'utf8');
    const section = page.slice(page.indexOf('### Knowledge sources'));
    const example = section.slice(section.indexOf('```yaml\n') + 8, section.indexOf('```', section.indexOf('```yaml\n') + 8));
    const base = policy('').replace(/knowledge:\n {2}sources:\n$/, '');
    const parsed = parsePolicy(`${base}${example}`, 'docs/knowledge.md', { ZENDESK_EMAIL: 'lead@acme.com', ZENDESK_TOKEN: 'token', INTERCOM_TOKEN: 'token', FRESHDESK_API_KEY: 'key', HELPSCOUT_DOCS_KEY: 'key' });
    expect(parsed.knowledge.sources.map((s) => `${s.id}:${s.kind}`)).toEqual(['runbooks:markdown', 'help:zendesk', 'help-export:zendesk', 'intercom:intercom', 'intercom-export:intercom', 'freshdesk:freshdesk', 'freshdesk-export:freshdesk', 'helpscout:helpscout', 'helpscout-export:helpscout', 'wiki:confluence', 'handbook:notion', 'docs:docs_site', 'sso-guide:docs_site']);
  });
});
