import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { useCliSession } from '../cli/cli-session.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { ACME_CHANNEL, customer, Harness } from './harness.js';
import { E2E_KNOWLEDGE } from './knowledge.js';
import { workerRedisUrl } from '../worker-redis.js';

const QUESTION = 'How do I download the audit log as a CSV file?';
const RESOLUTION = 'Open Admin > Audit log, choose the dates and press Export CSV; the file is emailed to you within 10 minutes.';
/** A resolution from Globex's own conversation: history, quoted to no one until a lead approves it for everyone. */
const GLOBEX_ONLY: KnowledgeEntry = { id: 'kb-audit-export', kind: 'conversation', account: 'globex', category: 'how_to', title: 'Audit log export', question: QUESTION, answer: RESOLUTION };

const cli = useCliSession('baton-reload-');
let running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.map((h) => h.baton.stop()));
  await running[0]?.fake.stop();
  running = [];
});

/** The knowledge file `baton kb ingest` would have written. */
function knowledgeFile(): string {
  const file = join(cli.dir, 'knowledge.jsonl');
  writeFileSync(file, [...E2E_KNOWLEDGE, GLOBEX_ONLY].map((e) => JSON.stringify(e)).join('\n'));
  return file;
}

/** An Acme customer asks in a new thread; resolves with what Baton posted there. */
async function askedByAcme(h: Harness): Promise<string> {
  const ts = await h.say(customer, QUESTION);
  await h.baton.idle();
  return h.postsIn(ACME_CHANNEL, ts).map((p) => String(p.args.text)).join('\n');
}

const reloaded = (h: Harness) => h.waitForLog('"msg":"knowledge base reloaded"', 10_000);

describe('a knowledge change reaches the running bot without a restart', () => {
  it('one instance on SQLite answers from a resolution a lead approves with baton kb approve', async () => {
    const file = knowledgeFile();
    const h = await Harness.start({ knowledgeFile: file });
    running = [h];
    expect(await askedByAcme(h)).not.toContain('press Export CSV');

    expect(await runCli(['kb', 'approve', GLOBEX_ONLY.id, '--by', 'lead-ana', '--kb', file])).toBe(0);
    await reloaded(h);
    expect(await askedByAcme(h)).toContain('press Export CSV');
  });

  it('every instance on one Redis answers from it', async () => {
    const file = knowledgeFile();
    const fake = await FakeSlackApi.start();
    running = [await Harness.start({ knowledgeFile: file, storeUri: workerRedisUrl(), fake }), await Harness.start({ knowledgeFile: file, storeUri: workerRedisUrl(), fake })];
    for (const h of running) expect(await askedByAcme(h)).not.toContain('press Export CSV');

    expect(await runCli(['kb', 'approve', GLOBEX_ONLY.id, '--by', 'lead-ana', '--kb', file])).toBe(0);
    for (const h of running) await reloaded(h);
    for (const h of running) expect(await askedByAcme(h)).toContain('press Export CSV');
  });
});
