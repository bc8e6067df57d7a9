import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCliSession } from './cli-session.js';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/kb/ingest.js';
import { formatSummary } from '../../src/cli/kb/ingest-summary.js';
import { runCli } from '../../src/cli/main.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';

const cli = useCliSession('baton-ingest-');

function write(name: string, text: string): string {
  const file = join(cli.dir, name);
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
]
  .map((r) => JSON.stringify(r))
  .concat('not json', '')
  .join('\n');

describe('kb ingest', () => {
  it('imports whole threads, keeps internal notes apart, and reports what it skipped and why', async () => {
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    const s = await ingest([write('tickets.jsonl', zendeskLike)], store);
    expect(s).toMatchObject({ files: 1, read: 2, added: 3, learningCopies: 1 });
    const summary = formatSummary(s);
    expect(summary).toMatch(/^Imported 1 file\(s\): 2 record\(s\) kept \(3 entries with 1 question-only copy\); 3 added/);
    expect(summary).toMatch(/not resolved \(status "open"\)/);
    expect(summary).toMatch(/not valid JSON.*tickets\.jsonl:4/);
    const [first, , second] = await store.loadAll();
    expect(first).toMatchObject({ id: '101', account: 'acme', question: 'How do I export the dashboard?\nAnd for the whole workspace?' });
    expect(first?.turns).toBeUndefined();
    expect(first?.answer).toContain('Workspace settings > Export all.');
    expect(first?.answer).not.toContain('Checking with the team');
    expect(second).toMatchObject({ id: '103', needsHuman: true });
  });

  it('reads CSV exports and Markdown docs (one entry per section)', async () => {
    const csv = write('export.csv', 'id,subject,resolution,category,risk\nc1,"Reset my password, please",Use the reset link on the login page.,account_access,medium\nc2,,,how_to,\n');
    const md = write('guide.md', '# Exports\n\n## CSV export\nOpen any dashboard and choose Export, then CSV. Large exports arrive by email.\n\n## Empty\n');
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    const s = await ingest([csv, md], store);
    expect(s.added).toBe(2);
    expect(formatSummary(s)).toMatch(/no customer question/);
    expect(formatSummary(s)).toMatch(/section "Empty" has no body/);
    const entries = await store.loadAll();
    expect(entries.find((e) => e.id === 'c1')).toMatchObject({ answer: 'Use the reset link on the login page.', risk: 'medium' });
    expect(entries.find((e) => e.kind === 'doc')).toMatchObject({ title: 'Exports: CSV export' });
  });

  it('reads the columns of an export headed as people write them ("Question", "Ticket Type", "Needs Human"), the plain names winning', async () => {
    const csv = write('faq.csv', 'ID,Question,Agent Reply,Ticket Type,Intent,Needs Human,answer\nq1,How do I add a seat?,Billing > Seats > Add.,billing,seats,yes,\nq2,Where are invoices?,Ignored.,billing,invoices,no,Billing > History.\n');
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    await ingest([csv], store);
    const entries = await store.loadAll();
    expect(entries.find((e) => e.id === 'q1')).toMatchObject({ question: 'How do I add a seat?', answer: 'Billing > Seats > Add.', category: 'billing', topic: 'seats', needsHuman: true });
    expect(entries.find((e) => e.id === 'q2')).toMatchObject({ answer: 'Billing > History.', topic: 'invoices' });
  });

  it('imports records as history and docs as answers; a file the team marks with --answers as answers', async () => {
    const csv = write('qa.csv', 'id,question,answer\nq1,How do I reset my password?,Use the reset link on the login page.\n');
    const md = write('guide.md', '# Exports\n\n## CSV export\nOpen any dashboard and choose Export, then CSV. Large exports arrive by email.\n');
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, csv, md])).toBe(0);
    const purposes = async () => Object.fromEntries((await new JsonlKnowledgeStore(kb).loadAll()).map((e) => [e.kind, e.purpose]));
    expect(await purposes()).toEqual({ conversation: 'history', doc: 'answer' });
    expect(await runCli(['kb', 'ingest', '--quiet', '--answers', '--kb', kb, csv])).toBe(0);
    expect(await purposes()).toEqual({ conversation: 'answer', doc: 'answer' });
  });

  it('counts a repeated id once: the rows add up to what was kept and what was skipped', async () => {
    const csv = write('twice.csv', 'id,question,answer\nq1,Reset my password?,Use the reset link.\nq2,Where are invoices?,Under Billing.\nq1,Reset my password please?,Use the reset link on the login page.\n');
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    const summary = formatSummary(await ingest([csv], store));
    expect(summary).toMatch(/^Imported 1 file\(s\): 2 record\(s\) kept; 2 added/);
    expect(summary).toMatch(/twice\.csv \(plain records\): 0 answer\(s\), 2 history \(2 of no account\), 0 question-only example\(s\); skipped 1 duplicate id/);
    expect((await store.loadAll()).find((e) => e.id === 'q1')?.answer).toBe('Use the reset link on the login page.');
  });

  it('is idempotent: re-importing the same export changes nothing', async () => {
    const file = write('tickets.jsonl', zendeskLike);
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    await ingest([file], store);
    const again = await ingest([file], store);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await store.loadAll()).toHaveLength(3);
  });

  it('imports an account\u2019s private conversations with --account semantics', async () => {
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    await ingest([write('a.jsonl', JSON.stringify({ id: 'x', question: 'q?', answer: 'a.' }))], store, { account: 'globex' });
    expect((await store.loadAll())[0]?.account).toBe('globex');
  });

  it('says which path does not exist, with the usage, and exits non-zero', async () => {
    const missing = join(cli.dir, 'no-such-export.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', join(cli.dir, 'kb.jsonl'), missing])).toBe(2);
    expect(cli.err).toContain(`no such file or directory: ${missing}`);
    expect(cli.err).toContain('Usage: npm run baton -- kb ingest');
    expect(cli.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('never takes a ticket\u2019s helpdesk url as the source customers would see', async () => {
    const store = new JsonlKnowledgeStore(join(cli.dir, 'kb.jsonl'));
    const ticket = { id: 101, status: 'solved', url: 'https://acme.zendesk.com/api/v2/tickets/101.json', subject: 'Export', comments: [
      { author_role: 'end-user', body: 'How do I export the dashboard?' },
      { author_role: 'agent', body: 'Use Export > CSV.' },
    ] };
    await ingest([write('tickets.jsonl', JSON.stringify(ticket))], store);
    const [entry] = await store.loadAll();
    expect(entry).toMatchObject({ id: '101', answer: 'Use Export > CSV.' });
    expect(JSON.stringify(entry)).not.toContain('api/v2');
  });

  it('keeps an unknown organization\u2019s records apart (learned from, quoted to nobody) and refuses an --account the policy lacks', async () => {
    const config = write('baton.yaml', `
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low, examples: ["how do I export a report"] }]
`);
    const records = [
      { id: 'a1', account: 'acme', question: 'How do I export?', answer: 'Use Export > CSV.' },
      { id: 'i1', account: 'initech', question: 'How do I export?', answer: 'Use Export > CSV.' },
      { id: 'g1', question: 'How do I invite someone?', answer: 'Settings > Members > Invite.' },
    ];
    const file = write('records.jsonl', records.map((r) => JSON.stringify(r)).join('\n'));
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', config, '--account', 'globex', file])).toBe(2);
    expect(cli.err).toContain('--account globex is not an account of');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--config', config, file])).toBe(0);
    expect(cli.out).toMatch(/5 added/);
    expect(cli.out).toMatch(/2 account conversation\(s\) kept for their own account only \(an answer quoted to it alone, history grounding only its staff drafts\); their questions, topics and outcomes teach every account's triage/);
    expect(cli.out).toMatch(/1 record\(s\) of organizations the policy does not name: learned from, quoted to nobody until approved/);
    expect((await new JsonlKnowledgeStore(kb).loadAll()).find((e) => e.id === 'i1')).toMatchObject({ account: 'initech' });
  });

  it('refuses a --config file that does not exist', async () => {
    const missing = join(cli.dir, 'nope.yaml');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', join(cli.dir, 'kb.jsonl'), '--config', missing, write('a.jsonl', '{"id":"x","question":"q?","answer":"a."}')])).toBe(2);
    expect(cli.err).toContain(`no such config file: ${missing}`);
  });
});
