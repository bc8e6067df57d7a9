import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-ingest-unreadable-');

const ROWS = 'id,question,answer\nr1,"Où est ma facture, s\'il vous plaît ?",Facturation > Historique.\nr2,Crème brûlée menu?,Menu > Desserts.\n';
const QUESTIONS = ["Où est ma facture, s'il vous plaît ?", 'Crème brûlée menu?'];

function write(name: string, bytes: Buffer | string): string {
  const file = join(cli.dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function ingest(file: string): Promise<{ code: number; entries: KnowledgeEntry[] }> {
  const kb = join(cli.dir, 'kb.jsonl');
  const code = await runCli(['kb', 'ingest', '--quiet', '--kb', kb, file]);
  const entries = existsSync(kb) ? readFileSync(kb, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as KnowledgeEntry) : [];
  return { code, entries };
}

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('kb ingest: text encodings and files that cannot be read whole', () => {
  it.each([
    ['UTF-8', Buffer.from(ROWS, 'utf8')],
    ['UTF-8 with a BOM and Windows line ends', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROWS.replace(/\n/g, '\r\n'), 'utf8')])],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS, 'utf16le')])],
    ['UTF-16 BE without a BOM', utf16be(ROWS)],
    ['Windows-1252', Buffer.from(ROWS, 'latin1')],
  ])('reads %s: every character as written, no carriage return, no U+FFFD', async (_name, bytes) => {
    const { code, entries } = await ingest(write('rows.csv', bytes));
    expect(code).toBe(0);
    expect(entries.map((e) => e.question)).toEqual(QUESTIONS);
    expect(JSON.stringify(entries)).not.toMatch(/\\r|\uFFFD/);
  });

  it.each([
    ['a JSON export cut off mid-record', 'tickets.json', '[{"id": 1, "question": "Where are invoices?", "answer": "Billing."}, {"id": 2, "question": "Can I', /not valid JSON from \[1\] on.*truncated or damaged/],
    ['a JSONL export cut off mid-line', 'tickets.jsonl', '{"id": 1, "question": "Where are invoices?", "answer": "Billing."}\n{"id": 2, "question": "Can I', /line 2 is cut off mid-record/],
    ['a CSV export cut off inside a quoted value', 'tickets.csv', 'id,question,answer\n1,Where are invoices?,Billing.\n2,"Can I rename', /quoted value is never closed/],
    ['a file damaged by an earlier conversion (U+FFFD)', 'tickets.csv', 'id,question,answer\n1,Where is my factur\uFFFD?,Billing.\n', /U\+FFFD replacement characters/],
    ['binary content', 'tickets.jsonl', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x22, 0x00, 0x00, 0x00, 0x7d]), /binary data|UTF-8, UTF-16 or Windows-1252/],
    ['a Slack zip cut off in the download', 'export.zip', Buffer.from('PK\u0003\u0004 not really a zip'), /not a readable zip/],
  ])('refuses %s: exit 1, the reason named, nothing written', async (_name, file, content, reason) => {
    const kb = join(cli.dir, 'kb.jsonl');
    writeFileSync(kb, `${JSON.stringify({ id: 'kept', kind: 'doc', purpose: 'answer', question: 'Q', answer: 'A' })}\n`);
    const good = write('good.jsonl', '{"id": "g1", "question": "Fine?", "answer": "Yes."}\n');
    const before = readFileSync(kb, 'utf8');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, good, write(file, content)])).toBe(1);
    expect(cli.err).toMatch(reason);
    expect(cli.err).toMatch(/Nothing was written/);
    expect(readFileSync(kb, 'utf8')).toBe(before);
  });
});
