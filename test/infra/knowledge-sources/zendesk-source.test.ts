import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeSources } from '../../../src/infra/knowledge/sources/knowledge-sources.js';
import { USER_AGENT } from '../../../src/infra/knowledge/sources/polite-fetch.js';
import type { FakeHelpCenter } from '../../fakes/fake-help-center.js';
import { synced, useRecordingSite } from './source-world.js';

const ENV = { ZD_EMAIL: 'lead@acme.test', ZD_TOKEN: 'secret-token' };
const ENTERPRISE_SEGMENT = 9001;
const AGENTS_SEGMENT = 9002;

const world = useRecordingSite(ENV);
let hc: FakeHelpCenter;
beforeEach(() => {
  hc = world.hc;
});

const sources = (source: Record<string, unknown>): KnowledgeSources => world.source({ id: 'help', ...source });

const api = (extra: Record<string, unknown> = {}) => sources({ kind: 'zendesk', url: hc.url, locale: 'en-us', email_env: 'ZD_EMAIL', token_env: 'ZD_TOKEN', ...extra });


describe('Zendesk Help Center articles through the API', () => {
  it('reads every page, splits articles by section and links each to its public URL', async () => {
    hc.pageSize = 2;
    hc.publish({ id: 1, title: 'Reset your password', body: '<p>Use the link on the sign-in page; it expires after one hour.</p><h2>Without email access</h2><p>Ask an admin of your workspace to send a new invitation to you.</p>' });
    hc.publish({ id: 2, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
    hc.publish({ id: 3, title: 'Export a report', body: '<ol><li>Open the report</li><li>Press <b>Export</b> and pick CSV</li></ol>' });
    const { result, entries } = await synced(api());
    expect(result).toMatchObject({ ok: true, articles: 3, added: 3 });
    expect(hc.apiRequests().map((r) => new URL(r.path, hc.url).searchParams.get('page'))).toEqual([null, '2']);
    const reset = entries.filter((e) => e.url === `${hc.url}/hc/en-us/articles/1`);
    expect(reset.map((e) => e.title)).toEqual(['Reset your password', 'Reset your password: Without email access']);
    expect(reset[1]).toMatchObject({ purpose: 'answer', source: 'help', answer: 'Ask an admin of your workspace to send a new invitation to you.' });
    expect(entries.find((e) => e.title === 'Export a report')?.answer).toContain('2. Press Export and pick CSV');
  });

  it('signs in with the token from the environment and names Baton as its user agent', async () => {
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
    await synced(api());
    const [request] = hc.apiRequests();
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('lead@acme.test/token:secret-token').toString('base64')}`);
    expect(request!.headers['user-agent']).toBe(USER_AGENT);
  });

  it('leaves drafts out and maps user segments to audiences, an unmapped segment to staff only', async () => {
    hc.publish({ id: 1, title: 'SAML single sign-on setup', body: '<p>Upload the metadata XML under Security, then test with one user first.</p>', user_segment_id: ENTERPRISE_SEGMENT });
    hc.publish({ id: 2, title: 'Refund override runbook', body: '<p>Agents only: open the billing console and apply the override code there.</p>', user_segment_id: AGENTS_SEGMENT });
    hc.publish({ id: 3, title: 'Upcoming pricing change', body: '<p>Not announced yet; do not share this with any customer before the launch.</p>', draft: true });
    const { entries } = await synced(api({ segments: { [ENTERPRISE_SEGMENT]: { tiers: ['enterprise'] } } }));
    expect(entries.map((e) => [e.title, e.audience])).toEqual([
      ['SAML single sign-on setup', { tiers: ['enterprise'] }],
      ['Refund override runbook', { internal: true }],
    ]);
  });

  it('asks "changed since?" and does nothing on 304; removes unpublished and deleted articles', async () => {
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
    hc.publish({ id: 2, title: 'Export a report', body: '<p>Open the report, press Export and pick CSV as the format you want.</p>' });
    const s = api();
    await synced(s);
    const again = await synced(s);
    expect(hc.apiRequests().at(-1)).toMatchObject({ status: 304 });
    expect(again.result).toMatchObject({ ok: true, articles: 2, added: 0, changed: 0, removed: 0 });

    hc.change(1, { draft: true });
    hc.articles.delete(2);
    const after = await synced(s);
    expect(after.result).toMatchObject({ ok: true, articles: 0, removed: 2 });
    expect(after.entries).toEqual([]);
  });

  it('waits out a 429 for its Retry-After, then reads on', async () => {
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
    hc.rateLimit(2, '7');
    const { result } = await synced(api());
    expect(world.waited).toEqual([7000, 7000]);
    expect(result).toMatchObject({ ok: true, articles: 1 });
  });

  it('keeps the last good content when the help center fails, and says why', async () => {
    hc.publish({ id: 1, title: 'Invite a teammate', body: '<p>Open Settings, then Members, and press Invite; they get an email.</p>' });
    const s = api();
    await synced(s);
    hc.rateLimit(10, '1');
    const { result, entries } = await synced(s);
    expect(result).toMatchObject({ ok: false, articles: 1, error: expect.stringContaining('HTTP 429 after 3 retries') });
    expect(entries.map((e) => e.title)).toEqual(['Invite a teammate']);
    expect((await s.statuses())[0]!.status).toMatchObject({ articles: 1, lastError: expect.stringContaining('429') });
  });
});

describe('a saved Help Center API response', () => {
  it('is read like the API, drafts left out, and again only when the file changes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baton-zd-')), 'articles.json');
    const article = (id: number, draft: boolean) => ({ id, title: `Article ${id} about exports`, body: '<p>Open the report, press Export and pick CSV as the format.</p>', draft, user_segment_id: null, html_url: `https://acme.zendesk.com/hc/en-us/articles/${id}` });
    writeFileSync(file, JSON.stringify({ articles: [article(1, false), article(2, true)], next_page: null }));
    const s = sources({ kind: 'zendesk', file });
    expect((await synced(s)).entries.map((e) => e.url)).toEqual(['https://acme.zendesk.com/hc/en-us/articles/1']);
    expect((await synced(s)).result).toMatchObject({ ok: true, added: 0, changed: 0 });
    writeFileSync(file, '{"articles": "nope"}');
    expect((await synced(s)).result.error).toMatch(/articles\.json is not a Zendesk Help Center articles response: articles: /);
  });
});
