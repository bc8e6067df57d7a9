import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../../src/infra/knowledge/sources/polite-fetch.js';
import type { FakeHelpCenter } from '../../fakes/fake-help-center.js';
import { synced, useRecordingSite } from './source-world.js';

const PUBLIC_FOLDER = 4001;
const AGENTS_FOLDER = 4002;
const ENTERPRISE_FOLDER = 4003;

const world = useRecordingSite({ FRESHDESK_KEY: 'fd-api-key' });
let hc: FakeHelpCenter;
beforeEach(() => {
  hc = world.hc;
});

const freshdesk = (source: Record<string, unknown>) => world.source({ id: 'fd', kind: 'freshdesk', ...source });
const api = (extra: Record<string, unknown> = {}) => freshdesk({ url: hc.url, token_env: 'FRESHDESK_KEY', ...extra });

describe('Freshdesk solution articles through the API', () => {
  it('reads every folder of every category, every page, published articles only, with the API key', async () => {
    hc.pageSize = 1;
    hc.publish({ id: 1, title: 'Reset your password', body: '<p>Use the link on the sign-in page; it expires after one hour.</p><h2>Without email access</h2><p>Ask an admin of your workspace to send a new invitation.</p>', section_id: PUBLIC_FOLDER });
    hc.publish({ id: 2, title: 'Upcoming pricing change', body: '<p>Not announced yet; do not share this with any customer before the launch.</p>', section_id: PUBLIC_FOLDER, draft: true });
    hc.publish({ id: 3, title: 'Export a report', body: '<ol><li>Open the report</li><li>Press <b>Export</b> and pick CSV</li></ol>', section_id: PUBLIC_FOLDER });
    const { result, entries } = await synced(api());
    expect(result).toMatchObject({ ok: true, articles: 2, added: 2 });
    expect(hc.apiRequests().map((r) => r.path)).toEqual([
      '/api/v2/solutions/categories?per_page=100',
      '/api/v2/solutions/categories/1/folders?per_page=100',
      `/api/v2/solutions/folders/${PUBLIC_FOLDER}/articles?per_page=100`,
      `/api/v2/solutions/folders/${PUBLIC_FOLDER}/articles?per_page=100&page=2`,
      `/api/v2/solutions/folders/${PUBLIC_FOLDER}/articles?per_page=100&page=3`,
    ]);
    const [request] = hc.apiRequests();
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('fd-api-key:X').toString('base64')}`);
    expect(request!.headers['user-agent']).toBe(USER_AGENT);
    expect(entries.map((e) => [e.title, e.url])).toEqual([
      ['Reset your password', `${hc.url}/support/solutions/articles/1`],
      ['Reset your password: Without email access', `${hc.url}/support/solutions/articles/1`],
      ['Export a report', `${hc.url}/support/solutions/articles/3`],
    ]);
    expect(entries[2]!.answer).toContain('2. Press Export and pick CSV');
  });

  it('gives an agents-only folder to staff, a mapped folder its audience, and leaves a draft out', async () => {
    hc.folderVisibility.set(AGENTS_FOLDER, 3);
    hc.folderVisibility.set(ENTERPRISE_FOLDER, 4);
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>', section_id: PUBLIC_FOLDER });
    hc.publish({ id: 2, title: 'Refund override runbook', body: '<p>Agents only: open the billing console and apply the override code there.</p>', section_id: AGENTS_FOLDER });
    hc.publish({ id: 3, title: 'SAML single sign-on setup', body: '<p>Upload the metadata XML under Security, then test with one user first.</p>', section_id: ENTERPRISE_FOLDER });
    const { entries } = await synced(api({ audience: { tiers: ['pro', 'enterprise'] }, folders: { [ENTERPRISE_FOLDER]: { tiers: ['enterprise'] } } }));
    expect(entries.map((e) => [e.title, e.audience])).toEqual([
      ['Invite a teammate', { tiers: ['pro', 'enterprise'] }],
      ['Refund override runbook', { internal: true }],
      ['SAML single sign-on setup', { tiers: ['enterprise'] }],
    ]);
  });

  it('follows changes, unpublished and deleted articles, and waits out a 429 for its Retry-After', async () => {
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>', section_id: PUBLIC_FOLDER });
    hc.publish({ id: 2, title: 'Export a report', body: '<p>Open the report, press Export and pick CSV as the format you want.</p>', section_id: PUBLIC_FOLDER });
    hc.publish({ id: 3, title: 'Webhooks', body: '<p>Webhooks are retried five times over one hour before they are dropped.</p>', section_id: PUBLIC_FOLDER });
    const s = api();
    await synced(s);
    expect((await synced(s)).result).toMatchObject({ ok: true, articles: 3, added: 0, changed: 0, removed: 0 });

    hc.change(1, { body: '<p>Open Settings, then People, and press Add person; they get an email.</p>' });
    hc.change(2, { draft: true });
    hc.articles.delete(3);
    hc.rateLimit(1, '5');
    const { result, entries } = await synced(s);
    expect(world.waited).toEqual([5000]);
    expect(result).toMatchObject({ ok: true, articles: 1, changed: 1, removed: 2 });
    expect(entries.map((e) => e.answer)).toEqual(['Open Settings, then People, and press Add person; they get an email.']);
  });
});

describe('a saved Freshdesk articles response', () => {
  it('is read like the API, drafts left out, a listed folder given its audience; a bad file is named', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baton-fd-')), 'articles.json');
    const article = (id: number, status: number, folder_id: number) => ({ id, type: 1, category_id: 1, folder_id, title: `Article ${id} about exports`, description: '<p>Open the report, press Export and pick CSV as the format.</p>', status, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' });
    writeFileSync(file, JSON.stringify([article(1, 2, PUBLIC_FOLDER), article(2, 1, PUBLIC_FOLDER), article(3, 2, AGENTS_FOLDER)]));
    const s = freshdesk({ file, portal_url: 'https://support.acme.com', folders: { [AGENTS_FOLDER]: 'internal' } });
    expect((await synced(s)).entries.map((e) => [e.title, e.audience, e.url])).toEqual([
      ['Article 1 about exports', { everyone: true }, 'https://support.acme.com/support/solutions/articles/1'],
      ['Article 3 about exports', { internal: true }, 'https://support.acme.com/support/solutions/articles/3'],
    ]);
    writeFileSync(file, '{"articles": []}');
    expect((await synced(s)).result.error).toMatch(/articles\.json is not a Freshdesk solution articles response: \(top level\): /);
  });
});
