import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/kb/ingest.js';
import { loadPolicy } from '../../src/config/load-policy.js';
import type { Policy } from '../../src/config/policy-schema.js';
import { buildDeciderWithIndex } from '../../src/core/answer/build-decider.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { JsonlKnowledgeStore, loadKnowledge } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { openLiveKnowledge, type OpenedKnowledge } from '../../src/infra/knowledge/open-live-knowledge.js';
import { loadSavedIndex, saveIndex, savedIndexFile } from '../../src/infra/knowledge/saved-index.js';
import { createLogger } from '../../src/infra/logger.js';
import { openStores, type Stores } from '../../src/infra/store/open-stores.js';

const FIXTURES = new URL('../fixtures/triage/', import.meta.url).pathname;
const ACCOUNTS = ['acme', 'globex', undefined] as const;

let dir: string;
let kb: string;
let policy: Policy;
let stores: Stores;
/** Questions of the dev set, each asked by one account. */
let questions: { text: string; accountId: string }[];

/** A log whose lines a test reads, and waits for. */
function capturedLog() {
  const lines: string[] = [];
  const waiting: { text: string; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      for (const w of waiting.filter((w) => String(chunk).includes(w.text))) w.resolve();
      done();
    },
  });
  return {
    log: createLogger('info', stream),
    lines,
    warnings: () => lines.filter((l) => l.includes('"level":40')),
    /** Resolves once a line holds `text` for the `nth` time. */
    until: (text: string, nth = 1) =>
      new Promise<void>((resolve) => {
        const seen = () => lines.filter((l) => l.includes(text)).length >= nth;
        if (seen()) return resolve();
        waiting.push({ text, resolve: () => seen() && resolve() });
      }),
  };
}

async function open(log: ReturnType<typeof capturedLog>): Promise<OpenedKnowledge> {
  const opened = await openLiveKnowledge({ policy, log: log.log, candidates: stores.candidates, file: kb, others: () => [] });
  await opened.live.ready;
  return opened;
}

/** Every question's decision, and the articles a packet would list for it. */
async function decisions(k: OpenedKnowledge) {
  const out: unknown[] = [];
  for (const q of questions) {
    out.push(await k.live.decide({ ...q, history: [], clarify: true }));
    out.push(k.live.articlesFor(q.text, q.accountId, 5));
  }
  return out;
}

/** A first start: builds, waits for the index to be saved, and stops. */
async function savedByAStart(): Promise<unknown[]> {
  rmSync(savedIndexFile(kb), { force: true });
  const log = capturedLog();
  const k = await open(log);
  await log.until('knowledge index saved');
  const decided = await decisions(k);
  await k.live.stop();
  return decided;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-saved-index-'));
  kb = join(dir, 'knowledge.jsonl');
  await ingest([join(FIXTURES, 'kb.jsonl')], new JsonlKnowledgeStore(kb));
  // Accounts' own entries as well as global ones, so the saved scopes are exercised.
  const entries = loadKnowledge(kb).map((e, i): KnowledgeEntry => {
    const account = ACCOUNTS[i % ACCOUNTS.length];
    return account ? { ...e, account } : e;
  });
  writeFileSync(kb, entries.map((e) => JSON.stringify(e)).join('\n'));
  policy = loadPolicy('config/baton.yaml');
  stores = await openStores(`sqlite://${join(dir, 'store.sqlite')}`);
  questions = readFileSync(join(FIXTURES, 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 40)
    .map((l, i) => ({ text: (JSON.parse(l) as { text: string }).text, accountId: ACCOUNTS[i % ACCOUNTS.length] ?? 'initech' }));
});

afterAll(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the knowledge index saved beside the knowledge file', () => {
  it('is saved by a start that built it, and a start after loads it and decides every question as the build did, approvals added later included', async () => {
    const built = await savedByAStart();

    const log = capturedLog();
    const loaded = await open(log);
    expect(log.lines.join('')).toContain('knowledge index loaded from its saved copy');
    expect(log.warnings()).toEqual([]);
    expect(await decisions(loaded)).toEqual(built);

    // An approval replacing an entry of the file, and a new one: what `/baton review` adds while Baton runs.
    const [first] = loadKnowledge(kb);
    const approvals: KnowledgeEntry[] = [
      { ...first!, id: first!.id, purpose: 'answer', answer: 'Approved: open Settings, then Billing.' },
      { id: 'approved-new', kind: 'conversation', purpose: 'answer', question: questions[0]!.text, answer: 'Approved: a new answer.', category: first!.category ?? 'how_to' },
    ];
    const rebuilt = await builtWithoutIndex();
    for (const k of [loaded, rebuilt]) k.live.addAll(approvals);
    expect(await decisions(loaded)).toEqual(await decisions(rebuilt));
    await Promise.all([loaded.live.stop(), rebuilt.live.stop()]);
  });

  const damages: [string, () => void, string][] = [
    ['missing', () => rmSync(savedIndexFile(kb)), 'none saved yet'],
    ['cut short', () => truncateSync(savedIndexFile(kb), statSync(savedIndexFile(kb)).size - 1000), 'cut short'],
    ['damaged', () => overwrite(statSync(savedIndexFile(kb)).size - 2000, 'garbage'), 'damaged'],
    ['not an index at all', () => writeFileSync(savedIndexFile(kb), 'hello'), 'not a saved Baton index'],
    ['saved for another knowledge file', () => appendFileSync(kb, `\n${JSON.stringify({ id: 'new-entry', kind: 'conversation', question: 'Where is the new office?', answer: 'In Lyon.' })}`), 'saved for other knowledge'],
  ];
  for (const [what, damage, why] of damages) {
    it(`${what}: is built again with one warning naming the file, decides as a build, and is saved again`, async () => {
      await savedByAStart();
      damage();
      const log = capturedLog();
      const k = await open(log);
      expect(log.warnings()).toHaveLength(1);
      expect(log.warnings()[0]).toContain(savedIndexFile(kb));
      expect(log.warnings()[0]).toContain(why);
      await log.until('knowledge index saved');
      const rebuilt = await decisions(k);
      await k.live.stop();
      expect(rebuilt).toEqual(await decisionsOfABuild());
      const again = capturedLog();
      const next = await open(again);
      expect(again.lines.join('')).toContain('knowledge index loaded from its saved copy');
      await next.live.stop();
    });
  }

  it('whose entries were damaged after it was saved: is found out once it serves, warned about, and built again', async () => {
    const built = await savedByAStart();
    overwrite(4096 + 10, 'X');
    const log = capturedLog();
    const k = await open(log);
    await log.until('knowledge base reloaded');
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]).toContain('do not match their checksum');
    expect(await decisions(k)).toEqual(built);
    await k.live.stop();
  });

  it('is saved again when the knowledge file changes while Baton runs (kb ingest, kb approve), and the next start loads that one', async () => {
    await savedByAStart();
    const log = capturedLog();
    const k = await open(log);
    appendFileSync(kb, `\n${JSON.stringify({ id: 'ingested-later', kind: 'conversation', question: 'Can we pay by wire transfer?', answer: 'Yes, from the billing page.' })}`);
    await log.until('knowledge base reloaded');
    await log.until('knowledge index saved');
    const reloaded = await decisions(k);
    await k.live.stop();

    const next = capturedLog();
    const started = await open(next);
    expect(next.lines.join('')).toContain('knowledge index loaded from its saved copy');
    expect(await decisions(started)).toEqual(reloaded);
    await started.live.stop();
  });

  it('is loaded after an answer was approved in chat, which is added to it, and decides as a build with the approval', async () => {
    await savedByAStart();
    const entry: KnowledgeEntry = { id: 'approved:wire', kind: 'conversation', purpose: 'answer', question: questions[1]!.text, answer: 'Approved: from the billing page, any day.', category: 'billing' };
    await stores.candidates.putIfAbsent({ escalationId: 'E-approved', entry, approvedBy: 'U0LEAD', approvedAt: 0 });
    const log = capturedLog();
    const k = await open(log);
    expect(log.lines.join('')).toContain('knowledge index loaded from its saved copy');
    expect(log.warnings()).toEqual([]);
    const decided = await decisions(k);
    expect(JSON.stringify(decided)).toContain('Approved: from the billing page');
    expect(decided).toEqual(await decisionsOfABuild());
    await k.live.stop();
  });

  it('saved by two instances at once is one whole index, and a stop during a save leaves no part of one', async () => {
    const key = 'two-at-once';
    const built = buildDeciderWithIndex({ policy, kb: loadKnowledge(kb) });
    const file = join(dir, 'shared.index');
    await Promise.all([saveIndex(file, key, built.saved()), saveIndex(file, key, built.saved())]);
    expect(loadSavedIndex(file, key).saved.index.ids).toBe(built.saved().state.index.ids);

    const stopped = new AbortController();
    stopped.abort();
    rmSync(file);
    await expect(saveIndex(file, key, built.saved(), stopped.signal)).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.startsWith('shared.index'))).toEqual([]);
  });
});

/** Writes `text` over the saved index at `at`. */
function overwrite(at: number, text: string): void {
  const bytes = readFileSync(savedIndexFile(kb));
  bytes.write(text, at, 'latin1');
  writeFileSync(savedIndexFile(kb), bytes);
}

/** The knowledge file as it is now, built with no saved index involved. */
async function builtWithoutIndex(): Promise<OpenedKnowledge> {
  const k = await openLiveKnowledge({ policy, log: createLogger('silent'), candidates: stores.candidates, others: () => loadKnowledge(kb) });
  await k.live.ready;
  return k;
}

const decisionsOfABuild = async () => decisions(await builtWithoutIndex());
