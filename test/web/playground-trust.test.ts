import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from '../../src/web/playground.js';
import { useCliSession } from '../cli/cli-session.js';
import { importAsATeamWould, plantedIn, WORDED_LIKE_HISTORY } from '../e2e/imported-history.js';
import { pageClient, type PageClient } from './playground-client.js';

const cli = useCliSession('baton-web-trust-');
let running: RunningPlayground | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

let page: PageClient;
/** A POST as the page sends it (its origin and token); resolves with the JSON answer. */
const call = async (path: string, body: unknown) => (await page.call(path, body)).json;

type FeedEvent = Record<string, unknown>;
/** Every event the page was sent so far (the feed hands them out one search at a time). */
function events(): FeedEvent[] {
  const all: FeedEvent[] = [];
  running!.feed.find((e) => {
    all.push(e as unknown as FeedEvent);
    return false;
  });
  return all;
}

/** A customer asks in a new thread; resolves once the decision's "Why?" is shown, with what the customer saw there. */
async function asked(customer: string, text: string): Promise<{ seen: string; why: string; thread: string }> {
  const account = customer.split('-')[1]!;
  const { id, thread } = (await call('/api/messages', { account, customer, text })) as { id: string; thread: string };
  const why = await vi.waitFor(
    () => {
      const shown = running!.feed.find((e) => e.type === 'why' && e.messageId === id);
      if (!shown) throw new Error(`no "Why?" yet for ${id}`);
      return shown as unknown as FeedEvent;
    },
    { timeout: 15_000 },
  );
  await vi.waitFor(async () => expect((await running!.core.conversations.get(`web:${account}:${thread}`))?.outbox ?? []).toEqual([]));
  const seen = events().filter((e) => e.type === 'message' && e.role === 'bot' && e.thread === thread).map((e) => String(e.html));
  return { seen: seen.join('\n'), why: JSON.stringify(why.why), thread };
}

describe('answers a customer can trust, in the playground', () => {
  it('quotes no imported history to any account; a specialist\u2019s resolution is quoted only once a lead approves it, to its account', async () => {
    const kb = join(cli.dir, 'knowledge.jsonl');
    await importAsATeamWould(cli.dir, kb, 'config/baton.yaml');
    mkdirSync(join(cli.dir, 'docs'));
    const settings = loadSettings({ PORT: '0', BATON_STORE: `sqlite://${join(cli.dir, 'p.sqlite')}`, BATON_KB: kb, BATON_DOCS: join(cli.dir, 'docs'), LOG_LEVEL: 'silent' });
    running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
    page = await pageClient(running.url);

    const seen: string[] = [];
    for (const customer of ['web-globex-alex', 'web-acme-alex']) for (const q of WORDED_LIKE_HISTORY) seen.push((await asked(customer, q)).seen);
    expect(seen.flatMap(plantedIn)).toEqual([]);

    // A specialist resolves an Acme question and marks it as one Baton could answer.
    const question = WORDED_LIKE_HISTORY[3]!;
    const resolution = 'Open Settings > Billing > Invoice address, enter the new address and save; the next invoice uses it.';
    const first = await asked('web-acme-alex', question);
    const packet = events().filter((e) => e.type === 'packet').at(-1)!.packet as { escalationId: string };
    expect((await call('/api/reply', { escalationId: packet.escalationId, text: resolution })).ok).toBe(true);
    expect((await call('/api/close', { escalationId: packet.escalationId, rootCause: 'missing_docs', aiAccuracy: 'correct', automation: 'yes' })).ok).toBe(true);
    expect(first.seen).not.toContain('enter the new address and save');

    const before = await asked('web-acme-sam', question);
    expect(before.seen).not.toContain('enter the new address and save');
    expect((await call('/api/approve', { escalationId: packet.escalationId })).ok).toBe(true);
    const after = await asked('web-acme-sam', question);
    expect(after.seen).toContain('enter the new address and save');
    expect(after.why).toContain('Answered from the knowledge base');
    expect((await asked('web-globex-alex', question)).seen).not.toContain('enter the new address and save');
  });
});
