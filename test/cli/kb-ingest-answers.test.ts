import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-ingest-answers-');

function write(name: string, text: string): string {
  const file = join(cli.dir, name);
  writeFileSync(file, text);
  return file;
}

async function ingest(...args: string[]): Promise<Map<string, KnowledgeEntry>> {
  const kb = join(cli.dir, 'kb.jsonl');
  expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, ...args])).toBe(0);
  return new Map(readFileSync(kb, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as KnowledgeEntry).map((e) => [e.id, e]));
}

const QA = 'id,question,answer\nqa1,How do I export a dashboard?,Open it and choose Export > CSV.\nqa2,Can I rename a project?,\n';

describe('kb ingest: answers only when the team says so', () => {
  it('a Q&A file is history until --answers marks it as written for customers', async () => {
    const plain = await ingest(write('faq.csv', QA));
    expect(plain.get('qa1')).toMatchObject({ kind: 'conversation', purpose: 'history' });
    expect(cli.out).toMatch(/faq\.csv \(plain records\): 0 answer\(s\), 1 history \(1 of no account\), 1 question-only example\(s\)/);
    const marked = await ingest('--answers', write('faq.csv', QA));
    expect(marked.get('qa1')).toMatchObject({ purpose: 'answer', answer: 'Open it and choose Export > CSV.' });
    expect(marked.get('qa2')).toMatchObject({ kind: 'example', purpose: 'history' });
    expect(cli.out).toMatch(/faq\.csv \(plain records\): 1 answer\(s\), 0 history, 1 question-only example\(s\)/);
  });

  it('a record says so itself with its purpose field; a conversation thread stays history even with --answers', async () => {
    const rows = [
      { id: 'p1', question: 'Where are invoices?', answer: 'Billing > History.', purpose: 'answer' },
      { id: 'p2', question: 'Refund my order', answer: "I've refunded it.", purpose: 'history' },
      { id: 't1', status: 'solved', messages: [{ role: 'customer', text: 'How do I add a seat?' }, { role: 'agent', text: 'Admin > Seats > Add seat.' }] },
    ];
    const byId = await ingest('--answers', write('mixed.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')));
    expect(byId.get('p1')?.purpose).toBe('answer');
    expect(byId.get('p2')?.purpose).toBe('history');
    expect(byId.get('t1')).toMatchObject({ kind: 'conversation', purpose: 'history', answer: 'Admin > Seats > Add seat.' });
  });

  it('Markdown docs are answers', async () => {
    const byId = await ingest(write('guide.md', '# Guide\n\n## Export a dashboard\nOpen the dashboard and choose Export, then CSV. Large exports arrive by email.\n'));
    expect([...byId.values()][0]).toMatchObject({ kind: 'doc', purpose: 'answer' });
    expect(cli.out).toMatch(/guide\.md \(Markdown docs\): 1 answer\(s\)/);
  });
});

/** A Freshdesk ticket list export (CSV) whose Resolution Notes are HTML replies, as agents sent them. */
const FRESHDESK = [
  ['Ticket ID', 'Subject', 'Description', 'Status', 'Tags', 'Company Name', 'Full name', 'Email', 'Resolution Notes'],
  ['1001', 'SSO reset', 'Our SSO is broken', 'Closed', 'sso', '', 'Bill Lumbergh', 'bill@initech.example', 'To reset single sign-on, open Settings &gt; Security &gt; SSO.<br><br>Thanks,<br>Priya Raghunathan<br>Support Engineer | Vendor<br><img src="https://cdn.vendor.example/sig.png">'],
  ['1002', 'TPS export', 'Export fails', 'Closed', 'export', '', 'Peter Gibbons', 'peter@initech.example', 'Re-authorise the S3 integration under Settings > Integrations.\n\n________________________________\nFrom: Peter Gibbons\nSent: Monday, March 2, 2026 9:14 AM\nSubject: TPS export broken\n\nOur TPS export fails since Monday.'],
  ['1003', 'Admins', 'Who can export', 'Closed', 'initech_admin_export', '', 'Samir', 'samir@initech.example', "Initech's admins export everything under Settings > Data > Export."],
  ['1004', 'Gmail', 'Export to Gmail', 'Closed', 'gmail', '', 'Joanna', 'joanna@gmail.com', 'Connect Gmail under Settings > Integrations.'],
  ['1005', 'Schedule', 'Weekly report', 'Closed', 'schedule', '', 'Ann', 'ann@monday.example', 'Scheduled reports go out every Monday at 06:00.'],
];
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

describe('kb ingest --answers of a helpdesk export: what an answer keeps of one ticket', () => {
  it("keeps the reply only: no signature, no forwarded email, no customer's organization, in the title either", async () => {
    const byId = await ingest('--answers', write('tickets.csv', FRESHDESK.map(csvLine).join('\n').replace(/\\n/g, '\n')));
    expect(byId.get('freshdesk:1001')?.answer).toBe('To reset single sign-on, open Settings > Security > SSO.');
    expect(byId.get('freshdesk:1002')?.answer).toBe('Re-authorise the S3 integration under Settings > Integrations.');
    // The customer's organization, named by their email domain, in the text and in a tag's title.
    expect(byId.get('freshdesk:1003')).toMatchObject({ answer: '[NAME] admins export everything under Settings > Data > Export.', title: '[NAME] admin export' });
    // A mail provider's domain names nobody's organization.
    expect(byId.get('freshdesk:1004')?.answer).toBe('Connect Gmail under Settings > Integrations.');
    // Nor does a domain that is an English word: "every Monday" stays.
    expect(byId.get('freshdesk:1005')?.answer).toBe('Scheduled reports go out every Monday at 06:00.');
  });
});

describe('kb ingest --answers: a record marked as a note for the team', () => {
  it('stays history whatever the flag says, by any of the helpdesks’ note fields', async () => {
    const rows = [
      { id: 'n1', question: 'Why was Initech charged twice?', answer: 'Cx was angry; refund approved by finance.', public: false },
      { id: 'n2', question: 'Export stuck', answer: 'Engineering is on it, do not promise a date.', type: 'conversation_part', part_type: 'note' },
      { id: 'n3', question: 'SSO loop', answer: 'Known bug, ticket with the IdP vendor.', private: true },
      { id: 'a1', question: 'How do I export a dashboard?', answer: 'Open it and choose Export > CSV.', public: true },
    ];
    const byId = await ingest('--answers', write('parts.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')));
    for (const id of ['n1', 'n2', 'n3']) expect(byId.get(id)?.purpose, id).toBe('history');
    expect(byId.get('a1')?.purpose).toBe('answer');
  });
});

