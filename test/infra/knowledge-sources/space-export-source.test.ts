import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { oneSource, synced } from './source-world.js';

const CONFLUENCE = 'test/fixtures/exports/confluence-space';
const NOTION = 'test/fixtures/exports/notion-export';
const NOTION_HTML = 'test/fixtures/exports/notion-html-export';

/** The folder's files as a zip's entries, by their path inside it. */
function entries(dir: string): Record<string, Uint8Array> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).map((f) => [relative(dir, f), readFileSync(f)]));
}

function zipped(files: Record<string, Uint8Array>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baton-export-')), 'export.zip');
  writeFileSync(file, zipSync(files));
  return file;
}

const space = (kind: string, path: string, extra: Record<string, unknown> = {}) => oneSource({ id: 'wiki', kind, path, ...extra });

describe('a Confluence space export (HTML)', () => {
  it('makes each page an article by section, keeping lists, code and links, leaving breadcrumbs, metadata, attachments and footer out', async () => {
    const { result, entries: got } = await synced(space('confluence', zipped(entries(CONFLUENCE)), { audience: 'internal' }));
    expect(result).toMatchObject({ ok: true, articles: 3 });
    expect(got.map((e) => e.title)).toEqual([
      'Refund override runbook',
      'Rotate an API key',
      'Rotate an API key: Steps',
      'Rotate an API key: Check it',
      'Support Playbook',
    ]);
    const steps = got.find((e) => e.title === 'Rotate an API key: Steps')!;
    expect(steps.answer).toBe('1. Open Settings, then Developers.\n2. Press Rotate next to the key and copy the new one within 10 minutes.');
    const check = got.find((e) => e.title === 'Rotate an API key: Check it')!.answer;
    expect(check).toContain('[API reference](https://docs.acme.test/api/status)');
    expect(check).toContain('```\ncurl -H "Authorization: Bearer $NEW_KEY" https://api.acme.test/v1/status\n```');
    // A link to another page of the export has no address a customer could open: its words stay.
    expect(check).toContain('See also Refund override runbook.');
    const all = got.map((e) => `${e.title} ${e.answer}`).join('\n');
    expect(all).not.toMatch(/Document generated|Atlassian|Created by|Attachments:|rotate-dialog\.png|Available Pages|Space Details/);
    expect(got.find((e) => e.title === 'Refund override runbook')!.answer).toBe('Agents only: open the billing console and apply the override code `RF-OVERRIDE` there.\n\n- Only for refunds under 500 EUR.\n- Note the ticket number in the console.');
    expect(new Set(got.map((e) => JSON.stringify([e.url, e.audience])))).toEqual(new Set([JSON.stringify([undefined, { internal: true }])]));
  });

  it('reads the unzipped folder too, again only when the export changes, and names an export it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-confluence-'));
    cpSync(CONFLUENCE, dir, { recursive: true });
    const s = space('confluence', dir);
    expect((await synced(s)).result).toMatchObject({ ok: true, articles: 3 });
    expect((await synced(s)).result).toMatchObject({ ok: true, added: 0, changed: 0, removed: 0 });
    const page = join(dir, 'SUP', 'Support-Playbook_65537.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('step by step', 'step by step, in every time zone'));
    utimesSync(page, new Date(Date.UTC(2026, 1, 1)), new Date(Date.UTC(2026, 1, 1)));
    expect((await synced(s)).result).toMatchObject({ ok: true, changed: 1 });

    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'PK not really a zip');
    const { result, entries: kept } = await synced(space('confluence', broken));
    expect(result.error).toMatch(/broken\.zip is not a readable zip/);
    expect(kept).toEqual([]);
  });
});

describe('a Notion export', () => {
  it('reads nested Markdown pages (and a zip inside the zip), titled without their ids; Heading 1 opens a section; databases, images and links between pages left as words', async () => {
    const inner = zipSync(entries(NOTION));
    const { result, entries: got } = await synced(space('notion', zipped({ 'Export-5f1c2d3e-Part-1.zip': inner }), { audience: { tiers: ['enterprise'] } }));
    expect(result).toMatchObject({ ok: true, articles: 3 });
    expect(got.map((e) => e.title)).toEqual([
      'Acme Help',
      'Single sign-on',
      'Single sign-on: Set up your identity provider',
      'Single sign-on: Test the connection',
      'Troubleshooting SSO',
    ]);
    expect(got[2]!.answer).toBe('1. Open **Security**, then **Single sign-on**.\n2. Upload the metadata XML file from your identity provider.');
    expect(got[3]!.answer).toContain('```bash\ncurl -I https://sso.acme.test/health\n```');
    expect(got[3]!.answer).toContain('- If it fails, see Troubleshooting SSO.');
    expect(got[3]!.answer).toContain('[SAML 2.0 specification](https://docs.oasis-open.org/security/saml/v2.0/)');
    expect(got.map((e) => e.answer).join('\n')).not.toMatch(/Untitled\.png|\.csv|\.md\)/);
    expect(new Set(got.map((e) => JSON.stringify(e.audience)))).toEqual(new Set([JSON.stringify({ tiers: ['enterprise'] })]));
  });

  it('reads an HTML export: the page body, not its properties', async () => {
    const { entries: got } = await synced(space('notion', NOTION_HTML));
    expect(got.map((e) => [e.title, e.answer])).toEqual([
      ['Billing FAQ', 'Invoices are sent to the billing contact of the workspace.'],
      ['Billing FAQ: When am I charged?', 'On the first day of each month, for the seats in use that day.\n\n- Annual plans are charged once a year.\n\n- Seats added mid-month are prorated.'],
    ]);
  });
});
