import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../../src/infra/knowledge/sources/polite-fetch.js';
import { FakeHelpCenter } from '../../fakes/fake-help-center.js';
import { synced, useRecordingSite } from './source-world.js';

const PUBLIC = 71;
const PRIVATE = 72;
const ENTERPRISE = 73;
const hsId = FakeHelpCenter.helpScoutId;

const world = useRecordingSite({ HELPSCOUT_DOCS_KEY: 'hs-key' });
let hc: FakeHelpCenter;
beforeEach(() => {
  hc = world.hc;
});

const helpScout = (source: Record<string, unknown>) => world.source({ id: 'hs', kind: 'helpscout', ...source });
const api = (extra: Record<string, unknown> = {}) => helpScout({ url: hc.url, token_env: 'HELPSCOUT_DOCS_KEY', ...extra });
const articleGets = () => hc.requests.filter((r) => r.path.startsWith('/v1/articles/')).map((r) => r.path);

describe('Help Scout Docs articles through the API', () => {
  it('reads every collection and page of published articles, then each article, with the API key', async () => {
    hc.pageSize = 1;
    hc.publish({ id: 1, title: 'Reset your password', body: '<p>Use the link on the sign-in page; it expires after one hour.</p>', section_id: PUBLIC });
    hc.publish({ id: 2, title: 'Upcoming pricing change', body: '<p>Not announced yet; do not share this with any customer before the launch.</p>', section_id: PUBLIC, draft: true });
    hc.publish({ id: 3, title: 'Export a report', body: '<p>Open the report, press <code>Export</code> and pick CSV.</p>', section_id: PUBLIC });
    const { result, entries } = await synced(api());
    expect(result).toMatchObject({ ok: true, articles: 2, added: 2 });
    expect(hc.requests.filter((r) => r.path.includes('/articles?')).map((r) => new URL(r.path, hc.url).searchParams.get('page'))).toEqual([null, '2']);
    expect(articleGets()).toEqual([`/v1/articles/${hsId(1)}`, `/v1/articles/${hsId(3)}`]);
    expect(hc.requests.every((r) => r.headers.authorization === `Basic ${Buffer.from('hs-key:X').toString('base64')}` && r.headers['user-agent'] === USER_AGENT)).toBe(true);
    expect(entries.map((e) => [e.title, e.url, e.answer])).toEqual([
      ['Reset your password', `${hc.url}/docs/article/1-article`, 'Use the link on the sign-in page; it expires after one hour.'],
      ['Export a report', `${hc.url}/docs/article/3-article`, 'Open the report, press `Export` and pick CSV.'],
    ]);
  });

  it('gives a private collection to staff and a mapped one its audience', async () => {
    hc.collectionVisibility.set(PRIVATE, 'private');
    hc.collectionVisibility.set(ENTERPRISE, 'private');
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>', section_id: PUBLIC });
    hc.publish({ id: 2, title: 'Refund override runbook', body: '<p>Agents only: open the billing console and apply the override code there.</p>', section_id: PRIVATE });
    hc.publish({ id: 3, title: 'SAML single sign-on setup', body: '<p>Upload the metadata XML under Security, then test with one user first.</p>', section_id: ENTERPRISE });
    const { entries } = await synced(api({ collections: { [hsId(ENTERPRISE)]: { tiers: ['enterprise'] } } }));
    expect(entries.map((e) => [e.title, e.audience])).toEqual([
      ['Invite a teammate', { everyone: true }],
      ['Refund override runbook', { internal: true }],
      ['SAML single sign-on setup', { tiers: ['enterprise'] }],
    ]);
  });

  it('asks again only for articles updated since the last sync; removes unpublished and deleted ones; waits out a 429', async () => {
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>', section_id: PUBLIC });
    hc.publish({ id: 2, title: 'Export a report', body: '<p>Open the report, press Export and pick CSV as the format you want.</p>', section_id: PUBLIC });
    hc.publish({ id: 3, title: 'Webhooks', body: '<p>Webhooks are retried five times over one hour before they are dropped.</p>', section_id: PUBLIC });
    const s = api();
    await synced(s);
    hc.requests.length = 0;
    expect((await synced(s)).result).toMatchObject({ ok: true, articles: 3, added: 0, changed: 0, removed: 0 });
    expect(articleGets()).toEqual([]);

    hc.change(1, { body: '<p>Open Settings, then People, and press Add person; they get an email.</p>' });
    hc.change(2, { draft: true });
    hc.articles.delete(3);
    hc.rateLimit(1, '3');
    const { result, entries } = await synced(s);
    expect(world.waited).toEqual([3000]);
    expect(articleGets()).toEqual([`/v1/articles/${hsId(1)}`]);
    expect(result).toMatchObject({ ok: true, articles: 1, changed: 1, removed: 2 });
    expect(entries.map((e) => e.answer)).toEqual(['Open Settings, then People, and press Add person; they get an email.']);
  });
});

describe('a saved file of Help Scout article responses', () => {
  it('is read like the API, unpublished ones left out, a listed collection given its audience', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baton-hs-')), 'articles.json');
    const article = (id: number, status: string, collection: number) => ({ article: { id: hsId(id), collectionId: hsId(collection), status, name: `Article ${id} about exports`, text: '<p>Open the report, press Export and pick CSV as the format.</p>', publicUrl: `https://acme.helpscoutdocs.com/article/${id}-exports`, updatedAt: '2026-01-01T00:00:00Z' } });
    writeFileSync(file, JSON.stringify([article(1, 'published', PUBLIC), article(2, 'notpublished', PUBLIC), article(3, 'published', PRIVATE)]));
    const { entries } = await synced(helpScout({ file, collections: { [hsId(PRIVATE)]: 'internal' } }));
    expect(entries.map((e) => [e.url, e.audience])).toEqual([
      ['https://acme.helpscoutdocs.com/article/1-exports', { everyone: true }],
      ['https://acme.helpscoutdocs.com/article/3-exports', { internal: true }],
    ]);
  });
});
