import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/kb/ingest.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { customer, GLOBEX_CHANNEL, useHarness } from './harness.js';

/**
 * A team's Q&A export imported as answers (`kb ingest --answers`), each answer still one customer's:
 * what each must never show Globex's customer, who asks the same question.
 */
const QA: { question: string; answer: string; never: string[]; finding: string }[] = [
  {
    question: 'How do I export all of our data?',
    answer: 'Here is your archive: https://files.vendor.example/d/8f3a9c?sig=Zx81kQ (expires in 7 days). Any admin can request a full export under Settings > Data > Export.',
    never: ['8f3a9c', 'Zx81kQ', 'Here is your archive'],
    finding: 'Here is your',
  },
  {
    question: 'How do I change the invoice address?',
    answer: 'Updated! Invoices now go to Åsa Lindqvist, Kungsgatan 3, Göteborg. An owner can edit the billing address under Settings > Billing > Invoice details.',
    never: ['Åsa', 'Lindqvist', 'Kungsgatan', 'Updated!'],
    finding: 'names a person (Åsa Lindqvist)',
  },
  {
    question: 'Is my payment through?',
    answer: 'Yes, payment received, thanks Dmitri Ivanov. Payments show in Billing > History within a day.',
    never: ['Dmitri', 'Ivanov', 'payment received'],
    finding: 'payment received',
  },
  {
    question: 'How do I add a teammate to our workspace?',
    answer: 'Kalinda Nakamura-Okafor now has access. To invite a teammate, open Settings > Members and press Invite.',
    never: ['Kalinda', 'Nakamura'],
    finding: 'names a person (Kalinda Nakamura-Okafor)',
  },
  {
    question: 'Can the duplicate charge be refunded?',
    answer: 'Le hemos reembolsado el importe del cargo duplicado. Para pedir un reembolso, abra Facturación > Historial.',
    never: ['reembolsado', 'importe'],
    finding: 'Le hemos reembolsado',
  },
  {
    question: 'Who approves more seats for our plan?',
    answer: 'Svetlana will follow up on the seat request. Owners add seats under Settings > Plan > Seats.',
    never: ['Svetlana'],
    finding: 'names a person (Svetlana)',
  },
  {
    question: 'Why does the sync keep failing?',
    answer: "Cx was angry about the outage, don't mention the migration to them. Restart the sync under Settings > Integrations.",
    never: ['angry', 'migration'],
    finding: 'carries internal-note text',
  },
  {
    question: 'Why did the invoice page crash?',
    answer: 'Reload the invoice page.\nError: ECONNRESET\n    at TLSSocket.onConnectEnd (node:_tls_wrap:1594:19)',
    never: ['ECONNRESET', 'TLSSocket'],
    finding: 'carries internal-note text',
  },
];

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-answers-leak-'));
  const file = join(dir, 'faq.jsonl');
  writeFileSync(file, QA.map(({ question, answer }, i) => JSON.stringify({ id: `faq-${i}`, question, answer, category: 'how_to' })).join('\n'));
  await ingest([file], new JsonlKnowledgeStore(join(dir, 'knowledge.jsonl')), { answers: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('answers imported with --answers that still hold one customer’s case', () => {
  const harness = useHarness({
    get knowledgeFile() {
      return join(dir, 'knowledge.jsonl');
    },
  });

  for (const { question, never, finding } of QA) {
    it(`Globex asking "${question}" is handed to a person and sees none of it`, async () => {
      const h = harness();
      const ts = await h.say(customer, question, { channel: GLOBEX_CHANNEL });
      await h.waitForPost(GLOBEX_CHANNEL, ts);
      const seen = h.fake
        .calls('chat.postMessage')
        .filter((c) => c.args.channel === GLOBEX_CHANNEL && c.args.thread_ts === ts)
        .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? '')}`)
        .join('\n');
      for (const item of never) expect(seen, `leaked "${item}"`).not.toContain(item);
      // Found, and stopped by the last guard for what it holds: not merely unanswered.
      expect(await h.waitForLog('"trigger":"guarded"')).toContain(finding);
    });
  }
});
