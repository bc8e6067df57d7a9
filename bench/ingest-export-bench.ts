/**
 * Child of `npm run bench`: a generated Zendesk export of about 100 MB (one JSON document, tickets with
 * HTML comments, internal notes and personal data, users sideloaded after them) imported through
 * `baton kb ingest`'s code into a JSONL knowledge file. Prints records/s, MB/s and the process's peak
 * RSS (sampled every 20 ms), then how long redaction takes on a 40,000-character text.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/cli/kb/ingest.js';
import { redact } from '../src/core/feedback/redact.js';
import { JsonlKnowledgeStore } from '../src/infra/knowledge/jsonl-knowledge-store.js';

const TARGET_BYTES = Number(process.argv[2] ?? 100) * 1024 * 1024;
const TOPICS = ['invoice_address', 'export_csv', 'sso_setup', 'refund', 'seats', 'api_keys', 'webhooks', 'password_reset'];

function ticket(i: number): object {
  const topic = TOPICS[i % TOPICS.length]!;
  const who = 1000 + (i % 5000);
  return {
    id: i,
    status: i % 10 === 0 ? 'open' : 'solved',
    subject: `Question about ${topic.replace('_', ' ')} #${i}`,
    requester_id: who,
    organization_id: i % 40,
    group_id: i % 3,
    via: { channel: 'email' },
    tags: [topic, i % 7 === 0 ? 'escalated' : 'vip'],
    metric_set: { reopens: i % 11 === 0 ? 1 : 0, group_stations: i % 13 === 0 ? 2 : 1 },
    comments: [
      { author_id: who, public: true, body: `Hello, how do I handle ${topic} for our team? Ticket ref ORD-${100000 + i}. Reach me at user${who}@customer${i % 40}.example or 718-555-${String(1000 + (i % 9000)).padStart(4, '0')}. We are at ${i % 900} Harbour Street.` },
      { author_id: 7, public: false, body: `Internal: account on legacy plan, see cus_${(i * 7919).toString(36).padStart(8, 'x')}.` },
      {
        author_id: 7,
        public: true,
        html_body: `<p>Hi there,</p><p>To sort out <b>${topic}</b>, open <i>Settings &gt; ${topic}</i>, follow the three steps shown and save. It applies to every workspace at once; the change shows within ten minutes.</p><ul><li>Step one: check your role.</li><li>Step two: confirm.</li></ul><p>Best,<br>Sam</p>`,
      },
      { author_id: who, public: true, body: 'Thanks, that worked!' },
    ],
  };
}

async function writeExport(file: string): Promise<number> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{"tickets":[');
  let i = 0;
  while (out.bytesWritten + out.writableLength < TARGET_BYTES) await write(`${i > 0 ? ',' : ''}${JSON.stringify(ticket(i++))}`);
  await write('],"users":[');
  for (let u = 0; u < 5000; u++) await write(`${u > 0 ? ',' : ''}${JSON.stringify({ id: 1000 + u, name: `Customer ${u} Person`, email: `user${1000 + u}@example.org`, role: 'end-user' })}`);
  await write(`,${JSON.stringify({ id: 7, name: 'Sam Agent', role: 'agent' })}]}`);
  out.end();
  await once(out, 'finish');
  return i;
}

const dir = mkdtempSync(join(tmpdir(), 'baton-export-bench-'));
try {
  const file = join(dir, 'zendesk-export.json');
  const records = await writeExport(file);
  const bytes = statSync(file).size;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const t0 = performance.now();
  const s = await ingest([file], new JsonlKnowledgeStore(join(dir, 'kb.jsonl')));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const long = 'Contact maria.lopez@acme.example or 718-555-0123, IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111. '.repeat(40_000 / 110).slice(0, 40_000);
  const prose = 'Open Settings and choose Export, then CSV; large exports arrive by email within minutes. '.repeat(40_000 / 88).slice(0, 40_000);
  const time = (text: string) => {
    redact(text);
    const t = performance.now();
    for (let k = 0; k < 5; k++) redact(text);
    return (performance.now() - t) / 5;
  };
  console.log(
    JSON.stringify({ mb: bytes / 1024 / 1024, records, read: s.read, skipped: [...s.skipped.values()].reduce((n, v) => n + v.count, 0), seconds, recordsPerSec: records / seconds, mbPerSec: bytes / 1024 / 1024 / seconds, peakRssMb: peak / 1024 / 1024, redactDenseMs: time(long), redactProseMs: time(prose) }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
