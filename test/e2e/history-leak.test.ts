import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareEntry } from '../../src/cli/kb/approve.js';
import { ingest } from '../../src/cli/kb/ingest.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { startFakeOpenAi, userDocument, type FakeOpenAi } from '../fakes/fake-openai.js';
import { customer, GLOBEX_CHANNEL, type Harness, useHarness } from './harness.js';

/** Everything of account A (Acme Corp) that must never reach account B's customer nor the model on B's behalf. */
const ACME_DATA = ['Maria', 'Lopez', 'maria.lopez@acme.example', 'Tom Becker', 'Becker', '718-555-0123', '0123', '9876543', '555-0182', 'DE89', '3704', '4111', 'INV-20931', 'ORD-558812', '20931', 'Harbour', 'portal.acme.example', 'Acme Corp', 'cus_Q8xLm2Zt', 'legacy plan'];

/** Acme's Zendesk history: the same question asked and resolved again and again, full of Acme's people and ids. */
function acmeExport(): string {
  const users = [
    { id: 501, name: 'Maria Lopez', email: 'maria.lopez@acme.example', role: 'end-user', organization_id: 16 },
    { id: 601, name: 'Tom Becker', email: 'tom@vendor.example', role: 'agent' },
  ];
  const asks = [
    'How do I change the invoice address on our account? We moved to 12 Harbour Street. Maria Lopez, 718-555-0123',
    'Hi, how can we update the billing address printed on invoices? Call me on +49 (0)30 9876543 or 555-0182. maria.lopez@acme.example',
    'Where do I change the address on our invoices? Invoice INV-20931 shows the old one; refund to DE89 3704 0044 0532 0130 00',
    'How do I change the invoice address for order ORD-558812? Card 4111 1111 1111 1111. See https://portal.acme.example/billing/991',
  ];
  const tickets = asks.map((ask, i) => ({
    id: 7000 + i,
    status: 'solved',
    requester_id: 501,
    organization_id: 16,
    via: { channel: 'email' },
    tags: ['invoice_address'],
    comments: [
      { author_id: 501, public: true, body: ask },
      { author_id: 601, public: false, body: 'Internal: legacy plan, Stripe customer cus_Q8xLm2Zt.' },
      {
        author_id: 601,
        public: true,
        body: `Hi Maria,\n\nI updated INV-20931 for Acme Corp (maria.lopez@acme.example, 718-555-0123) to 12 Harbour Street. To change the invoice address yourself, open Settings > Billing > Invoice address and save; the next invoice uses it. Track it at https://portal.acme.example/billing/991.\n\nBest,\nTom Becker`,
      },
    ],
  }));
  return JSON.stringify({ tickets, users, organizations: [{ id: 16, name: 'Acme Corp', external_id: 'acme' }] });
}

let kb: KnowledgeEntry[] = [];
let model: FakeOpenAi;
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-leak-'));
  writeFileSync(join(dir, 'zendesk-acme.json'), acmeExport());
  const store = new JsonlKnowledgeStore(join(dir, 'kb.jsonl'));
  await ingest([join(dir, 'zendesk-acme.json')], store, { accounts: new Map([['acme', 'acme'], ['acme corp', 'acme'], ['globex', 'globex']]) });
  kb = await store.loadAll();
  // The worst case for a model: it copies its first source word for word.
  model = await startFakeOpenAi((req) => {
    const doc = userDocument(req);
    const source = doc.sources[0];
    return { content: JSON.stringify(source ? { answer: source.text, citations: [source.id], confidence: 0.95 } : { answer: '', citations: [], confidence: 0 }) };
  });
});
afterAll(async () => {
  await model.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What Globex's customer saw in their channel, and what reached the model. */
async function globexAsks(h: Harness): Promise<{ seen: string; sentToModel: string }> {
  const ts = await h.say(customer, 'How do I change the invoice address on our account?', { channel: GLOBEX_CHANNEL });
  await h.waitForPost(GLOBEX_CHANNEL, ts);
  const seen = h.fake
    .calls('chat.postMessage')
    .filter((c) => c.args.channel === GLOBEX_CHANNEL)
    .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? '')}`)
    .join('\n');
  return { seen, sentToModel: JSON.stringify(model.requests) };
}

function expectNoAcmeData(text: string): void {
  for (const item of ACME_DATA) expect(text, `leaked "${item}"`).not.toContain(item);
}

/** The lead's edit: the steps any customer can follow, without the one ticket's update ("I updated ..."). */
const EDITED = 'To change the invoice address yourself, open Settings > Billing > Invoice address and save; the next invoice uses it.';
/** Acme's resolutions approved for everyone by a lead, as they stand or as the lead edited them; the lead read the marked spans and confirmed them. */
function approvedForEveryone(e: KnowledgeEntry, answer?: string): KnowledgeEntry {
  const result = shareEntry(e, { by: 'lead', at: new Date(0), confirmMarked: true, ...(answer ? { answer } : {}) }, {});
  return result.ok ? result.entry : e;
}
const shared = (answer?: string) => kb.map((e) => (e.account === 'acme' && e.answer ? approvedForEveryone(e, answer) : e));

describe('an account\u2019s imported history never reaches another account', () => {
  it('stores Acme\u2019s resolutions as Acme\u2019s own, redacted, without customer words or internal notes in the answer', () => {
    const answers = kb.filter((e) => e.account === 'acme').map((e) => e.answer);
    expect(answers).toHaveLength(4);
    for (const a of answers) {
      expect(a).toContain('open Settings > Billing > Invoice address and save');
      expectNoAcmeData(a ?? '');
    }
  });

  describe('without an LLM', () => {
    const harness = useHarness({
      get knowledge() {
        return kb;
      },
    });
    it('Globex asking the same question sees none of Acme\u2019s data', async () => {
      expectNoAcmeData((await globexAsks(harness())).seen);
    });
  });

  describe('without an LLM, after a lead approved Acme\u2019s resolutions for everyone as they stand', () => {
    const harness = useHarness({
      get knowledge() {
        return shared();
      },
    });
    it('Globex is handed to a person: the last guard stops a resolution that claims an update made for Acme', async () => {
      const { seen } = await globexAsks(harness());
      expect(seen).not.toContain('Invoice address');
      expectNoAcmeData(seen);
      expect(harness().logs.lines.find((l) => l.includes('"trigger":"guarded"'))).toContain('claims an action nobody took in this conversation');
    });
  });

  describe('without an LLM, after a lead approved Acme\u2019s resolutions for everyone, edited', () => {
    const harness = useHarness({
      get knowledge() {
        return shared(EDITED);
      },
    });
    it('Globex is answered from the approved resolution and still sees none of Acme\u2019s data', async () => {
      const { seen } = await globexAsks(harness());
      expect(seen).toContain('Settings &gt; Billing &gt; Invoice address');
      expectNoAcmeData(seen);
    });
  });

  for (const approved of [false, true]) {
    describe(`with an LLM${approved ? ', after an edited approval for everyone' : ''}`, () => {
      const harness = useHarness({
        get knowledge() {
          return approved ? shared(EDITED) : kb;
        },
        get env() {
          return { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'fake-model' };
        },
      });
      it('sends the model none of Acme\u2019s data, and Globex sees none', async () => {
        model.requests.length = 0;
        const { seen, sentToModel } = await globexAsks(harness());
        expectNoAcmeData(sentToModel);
        expectNoAcmeData(seen);
        if (approved) expect(seen).toContain('Invoice address');
      });
    });
  }
});
