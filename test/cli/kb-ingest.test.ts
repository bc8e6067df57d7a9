import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatSummary, ingest } from '../../src/cli/kb/ingest.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'baton-ingest-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const zendeskLike = [
  { id: 101, status: 'solved', organization_id: 'acme', tags: ['export'], comments: [
    { author_role: 'end-user', body: 'How do I export the dashboard?', public: true },
    { author_role: 'agent', body: 'Checking with the team.', public: false },
    { author_role: 'agent', body: 'Use Export > CSV.', public: true },
    { author_role: 'end-user', body: 'And for the whole workspace?', public: true },
    { author_role: 'agent', body: 'Workspace settings > Export all.', public: true },
  ] },
  { id: 102, status: 'open', comments: [{ author_role: 'end-user', body: 'Still broken' }] },
  { id: 103, status: 'closed', tags: 'billing,escalated', subject: 'Seats', comments: [{ incoming: true, body: 'Change our seats?' }, { incoming: false, body: 'Done by finance.' }] },
].map((r) => JSON.stringify(r)).join('\n') + '\nnot json\n';

describe('kb ingest', () => {
  it('imports whole threads, keeps internal notes apart, and reports what it skipped and why', async () => {
    const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
    const s = await ingest([write('tickets.jsonl', zendeskLike)], store);
    expect(s).toMatchObject({ files: 1, read: 2, added: 2 });
    const summary = formatSummary(s);
    expect(summary).toMatch(/not resolved \(status "open"\)/);
    expect(summary).toMatch(/not valid JSON.*tickets\.jsonl:4/);
    const [first, second] = await store.loadAll();
    expect(first).toMatchObject({ id: '101', account: 'acme', question: 'How do I export the dashboard?\nAnd for the whole workspace?' });
    expect(first?.turns).toHaveLength(5);
    expect(first?.answer).toContain('Workspace settings > Export all.');
    expect(first?.answer).not.toContain('Checking with the team');
    expect(second).toMatchObject({ id: '103', needsHuman: true });
  });

  it('reads CSV exports and Markdown docs (one entry per section)', async () => {
    const csv = write('export.csv', 'id,subject,resolution,category,risk\nc1,"Reset my password, please",Use the reset link on the login page.,account_access,medium\nc2,,,how_to,\n');
    const md = write('guide.md', '# Exports\n\n## CSV export\nOpen any dashboard and choose Export, then CSV. Large exports arrive by email.\n\n## Empty\n');
    const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
    const s = await ingest([csv, md], store);
    expect(s.added).toBe(2);
    expect(formatSummary(s)).toMatch(/no customer question/);
    expect(formatSummary(s)).toMatch(/section "Empty" has no body/);
    const entries = await store.loadAll();
    expect(entries.find((e) => e.id === 'c1')).toMatchObject({ answer: 'Use the reset link on the login page.', risk: 'medium' });
    expect(entries.find((e) => e.kind === 'doc')).toMatchObject({ title: 'Exports: CSV export' });
  });

  it('is idempotent: re-importing the same export changes nothing', async () => {
    const file = write('tickets.jsonl', zendeskLike);
    const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
    await ingest([file], store);
    const again = await ingest([file], store);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await store.loadAll()).toHaveLength(2);
  });

  it('imports an account\u2019s private conversations with --account semantics', async () => {
    const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
    await ingest([write('a.jsonl', JSON.stringify({ id: 'x', question: 'q?', answer: 'a.' }))], store, { account: 'globex' });
    expect((await store.loadAll())[0]?.account).toBe('globex');
  });
});
