import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneSource, synced, useFakeSite } from './source-world.js';

const site = useFakeSite();
const intercom = (source: Record<string, unknown>) => oneSource({ id: 'intercom', kind: 'intercom', ...source }, { env: { INTERCOM_TOKEN: 'dG9rOmFiYw==' } });

describe('Intercom help center articles', () => {
  it('reads every page of the Articles API with the bearer token, published articles only, linked to their URL', async () => {
    const hc = site();
    hc.pageSize = 1;
    hc.publish({ id: 11, title: 'Connect Salesforce', body: '<p>Open Integrations, choose Salesforce and sign in with an admin account.</p>' });
    hc.publish({ id: 12, title: 'Draft: new pricing', body: '<p>Not announced yet; do not share this with any customer before launch.</p>', draft: true });
    hc.publish({ id: 13, title: 'Webhooks', body: '<p>Webhooks are retried five times over one hour before they are dropped.</p>' });
    const s = intercom({ url: hc.url, token_env: 'INTERCOM_TOKEN', audience: { tiers: ['enterprise'] } });
    const { result, entries } = await synced(s);
    expect(result).toMatchObject({ ok: true, articles: 2 });
    expect(hc.apiRequests()).toEqual([]);
    expect(hc.requests.map((r) => r.headers.authorization)).toEqual(['Bearer dG9rOmFiYw==', 'Bearer dG9rOmFiYw==', 'Bearer dG9rOmFiYw==']);
    expect(entries.map((e) => [e.title, e.url, e.audience])).toEqual([
      ['Connect Salesforce', `${hc.url}/help/en/articles/11`, { tiers: ['enterprise'] }],
      ['Webhooks', `${hc.url}/help/en/articles/13`, { tiers: ['enterprise'] }],
    ]);

    hc.change(11, { draft: true });
    expect((await synced(s)).result).toMatchObject({ ok: true, articles: 1, removed: 1 });
  });

  it('reads a saved GET /articles response', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baton-intercom-')), 'articles.json');
    writeFileSync(file, JSON.stringify({ type: 'list', data: [{ id: '5', title: 'Export a report', body: '<p>Open the report, press Export and pick CSV as the format.</p>', state: 'published', url: 'https://help.acme.com/en/articles/5', updated_at: 1767225600 }] }));
    expect((await synced(intercom({ file }))).entries.map((e) => e.url)).toEqual(['https://help.acme.com/en/articles/5']);
  });
});
