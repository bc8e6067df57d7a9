import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { customer, GLOBEX_CHANNEL, useHarness } from './harness.js';

/**
 * A Freshdesk ticket list export (CSV, "Resolution Notes" as the agents sent them: HTML, signatures,
 * forwarded emails, Cc: lines) imported as the docs say, `kb ingest --answers`, every row of a customer
 * at initech.example or chotchkies.example and none of the policy's accounts. Globex's customer asks.
 */
const ROWS: [id: string, subject: string, description: string, tags: string, name: string, email: string, notes: string][] = [
  ['1001', 'SSO reset', 'Our SSO is broken', 'sso', 'Bill Lumbergh', 'bill@initech.example', 'To reset single sign-on, open Settings &gt; Security &gt; SSO and click <b>Reset SSO</b>.<br><br>Thanks,<br>Priya Raghunathan<br>Support Engineer | Vendor<br><img src="https://cdn.vendor.example/sig.png" alt="logo">'],
  ['1002', 'TPS export', 'Export fails', 'export', 'Peter Gibbons', 'peter@initech.example', 'To fix a failing export, re-authorise the S3 integration under Settings > Integrations.\n\n________________________________\nFrom: Peter Gibbons\nSent: Monday, March 2, 2026 9:14 AM\nTo: Support\nSubject: TPS export broken\n\nOur TPS export to the initech-reports bucket fails since Monday.'],
  ['1006', 'Cc', 'Add teammates to ticket', 'cc', 'Joanna', 'joanna@chotchkies.example', 'Cc: joanna@chotchkies.example; stan@chotchkies.example\nTo invite teammates, open Settings > Members and press Invite.'],
  ['1010', 'Amount', 'Plan price', 'plan_price', 'Nina', 'nina@initech.example', 'Per our call on 12 March, Initech pays $18 per seat on the annual plan, renewing 1 April. Plan prices are listed under Billing > Plan.'],
  ['1013', 'Admins', 'Who can export', 'admin_export', 'Samir', 'samir@initech.example', "Initech's admins export everything under Settings > Data > Export; any admin of a workspace can do the same."],
  ['1012', 'Zeitzone', 'Zeitzone ändern', 'zeitzone', 'Jürgen Weiß', 'j.weiss@hooli.example', 'Die Zeitzone ändern Sie unter Einstellungen > Arbeitsbereich > Zeitzone.\n\nAm 02.03.2026 um 09:14 schrieb Jürgen Weiß <j.weiss@hooli.example>:\n> Unser Hooli-Arbeitsbereich zeigt die falsche Uhrzeit, bitte dringend!'],
  ['1015', 'Attachment', 'Payment method', 'payment_method', 'Lawrence', 'lawrence@gmail.com', 'See the attached guide (Initech_invoice_Lumbergh_March.pdf). To change the payment method, go to Billing > Payment methods.'],
  ['1016', 'Workspace', 'Wrong workspace shown', 'wrong_workspace', 'Tom', 'tom@initech.example', 'User error - they were on the wrong workspace. Pointed them to Settings > Workspaces.'],
];

/** What reached Globex on main, each to be stopped by the last guard now. */
const STOPPED = [
  { question: 'What is the plan price?', never: ['Initech', '$18', '12 March'], finding: "refers to one customer's case" },
  { question: 'Who can export everything from the workspace as admin?', never: ['Initech'], finding: "refers to one customer's case" },
  { question: 'How do I change the payment method?', never: ['Initech', 'Lumbergh', 'attached'], finding: 'points to a file attached to another conversation' },
  { question: 'Why is the wrong workspace shown?', never: ['User error', 'Pointed them'], finding: 'carries internal-note text' },
];

/** What reached Globex on main with one customer's case in it, each answered now without it. */
const CLEANED = [
  { question: 'Our SSO is broken, how do we reset it?', answer: 'Settings &gt; Security &gt; SSO', never: ['Priya', 'Raghunathan', 'Support Engineer', '[NAME]'] },
  { question: 'Our TPS export fails, what should we do?', answer: 'S3 integration', never: ['From:', 'Sent:', 'since Monday', 'initech', 'TPS export broken'] },
  { question: 'How do I add teammates to a ticket?', answer: 'Settings &gt; Members', never: ['Cc:', '[EMAIL]', 'chotchkies'] },
  { question: 'Zeitzone ändern', answer: 'Einstellungen &gt; Arbeitsbereich &gt; Zeitzone', never: ['schrieb', 'Weiß', 'Hooli', 'Uhrzeit', '[PHONE]'] },
];

const csv = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-export-leak-'));
  const file = join(dir, 'tickets.csv');
  const header = ['Ticket ID', 'Subject', 'Description', 'Status', 'Tags', 'Company Name', 'Full name', 'Email', 'Resolution Notes'];
  writeFileSync(file, [header, ...ROWS.map(([id, subject, description, tags, name, email, notes]) => [id, subject, description, 'Closed', tags, '', name, email, notes])].map(csv).join('\n'));
  // As docs/knowledge.md has it: a file exported from one queue, its category a literal.
  const args = ['kb', 'ingest', '--quiet', '--answers', '--map', "category='how_to'", '--config', 'test/fixtures/e2e/baton.e2e.yaml', '--kb', join(dir, 'knowledge.jsonl'), file];
  expect(await runCli(args)).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a helpdesk export imported with --answers, asked by another account', () => {
  const harness = useHarness({
    get knowledgeFile() {
      return join(dir, 'knowledge.jsonl');
    },
  });

  /** Everything Baton posted in the customer's thread. */
  async function globexAsks(question: string): Promise<string> {
    const h = harness();
    const ts = await h.say(customer, question, { channel: GLOBEX_CHANNEL });
    await h.waitForPost(GLOBEX_CHANNEL, ts);
    return h.fake
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === GLOBEX_CHANNEL && c.args.thread_ts === ts)
      .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? '')}`)
      .join('\n');
  }

  for (const { question, never, finding } of STOPPED) {
    it(`"${question}": an answer about one customer's case is handed to a person, and none of it is seen`, async () => {
      const seen = await globexAsks(question);
      for (const item of never) expect(seen, `leaked "${item}"`).not.toContain(item);
      expect(await harness().waitForLog('"trigger":"guarded"')).toContain(finding);
    });
  }

  for (const { question, answer, never } of CLEANED) {
    it(`"${question}": the generic steps get through, without the signature, quoted email or Cc: line they came with`, async () => {
      const seen = await globexAsks(question);
      expect(seen).toContain(answer);
      for (const item of never) expect(seen, `leaked "${item}"`).not.toContain(item);
    });
  }
});
