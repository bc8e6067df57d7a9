import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from './start-playground.js';
import { runCli } from '../../src/cli/main.js';
import { loadKnowledge } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { useCliSession } from '../cli/cli-session.js';
import { LogCapture } from '../e2e/harness.js';
import { askedInImports, importAsATeamWould, NEWCOMER, untrustworthy, withNewcomer, WORDED_LIKE_HISTORY } from '../e2e/imported-history.js';
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
  const { id, thread } = (await call('/api/customer-messages', { account, customer, text })) as { id: string; thread: string };
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

/** Imports the team's files and the vendor exports as a team would, then starts the playground on them (its log captured). */
async function startWithImports(): Promise<{ kb: string; config: string; logs: LogCapture }> {
  const kb = join(cli.dir, 'knowledge.jsonl');
  const config = withNewcomer(cli.dir, 'config/baton.yaml');
  await importAsATeamWould(cli.dir, kb, config);
  mkdirSync(join(cli.dir, 'docs'));
  const settings = loadSettings({ PORT: '0', BATON_CONFIG: config, BATON_STORE: `sqlite://${join(cli.dir, 'p.sqlite')}`, BATON_KB: kb, BATON_DOCS: join(cli.dir, 'docs'), LOG_LEVEL: 'info' });
  const logs = new LogCapture();
  running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('info', logs) });
  page = await pageClient(running.url);
  return { kb, config, logs };
}

describe('answers a customer can trust, in the playground', () => {
  it('quotes no imported history to any account; an imported resolution is quoted only once a lead approves it with kb approve, without a restart', async () => {
    const { kb, config, logs } = await startWithImports();

    // Initrode has no history, Globex some; Acme's own history is history too (a colleague asking later).
    const questions = [...WORDED_LIKE_HISTORY, ...askedInImports(kb)];
    const problems: string[] = [];
    const askers = [[`web-${NEWCOMER.id}-alex`, questions], ['web-globex-alex', questions], ['web-acme-alex', WORDED_LIKE_HISTORY]] as const;
    for (const [customer, asks] of askers) {
      for (const q of asks) problems.push(...untrustworthy((await asked(customer, q)).seen, customer.split('-')[1]!).map((p) => `${customer} asking "${q}": ${p}`));
    }
    expect(problems).toEqual([]);

    // A lead approves Acme's invoice-address resolution, rewritten for everyone, with kb approve: the running playground takes it up.
    const question = WORDED_LIKE_HISTORY[3]!;
    const approved = 'Open Settings > Billing > Invoice address, enter the new address and save; the next invoice uses it.';
    expect((await asked(`web-${NEWCOMER.id}-sam`, question)).seen).not.toContain('enter the new address and save');
    const resolution = loadKnowledge(kb).find((e) => e.kind === 'conversation' && e.account === 'acme' && e.question.includes('invoice address'))!;
    const reloads = () => logs.lines.filter((l) => l.includes('"msg":"knowledge base reloaded"')).length;
    const before = reloads();
    expect(await runCli(['kb', 'approve', resolution.id, '--answer', approved, '--kb', kb, '--config', config, '--by', 'lead-ana'])).toBe(0);
    await vi.waitFor(() => expect(reloads()).toBeGreaterThan(before), { timeout: 10_000 });
    const after = await asked(`web-${NEWCOMER.id}-sam`, question);
    expect(after.seen).toContain('enter the new address and save');
    expect(after.why).toContain('Answered from the knowledge base');
  }, 60_000);

  it('quotes a specialist\u2019s resolution only once a lead approves it in the playground, to its account', async () => {
    await startWithImports();

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
