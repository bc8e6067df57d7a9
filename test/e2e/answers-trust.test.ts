import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadKnowledge } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { useCliSession } from '../cli/cli-session.js';
import { ACME_CHANNEL, customer, GLOBEX_CHANNEL, Harness } from './harness.js';
import { askedInImports, CURATED, importAsATeamWould, NEWCOMER, plantedIn, untrustworthy, withNewcomer, WORDED_LIKE_HISTORY } from './imported-history.js';
const APPROVED = 'Open Settings > Billing > Invoice address, enter the new address and save; the next invoice uses it.';

const cli = useCliSession('baton-trust-');
let running: Harness | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const RELOADED = '"msg":"knowledge base reloaded"';
const reloads = (h: Harness) => h.logs.lines.filter((l) => l.includes(RELOADED)).length;

/** Runs `baton kb approve` with these arguments and waits for the running Baton to read the change. */
async function approve(h: Harness, args: string[]): Promise<void> {
  const before = reloads(h);
  expect(await runCli(['kb', 'approve', ...args, '--by', 'lead-ana'])).toBe(0);
  await vi.waitFor(() => expect(reloads(h)).toBeGreaterThan(before), { timeout: 10_000 });
}

/**
 * A customer of the channel's account asks in a new thread; resolves, once Baton handled it and
 * settled, with what it posted there (nothing, for what it reads as small talk).
 */
async function asked(h: Harness, channel: string, text: string): Promise<string> {
  const ts = await h.say(customer, text, { channel });
  await h.waitForLog(`"thread":"${ts}","messages"`);
  await h.settle();
  return h.postsIn(channel, ts).map((p) => `${String(p.args.text)} ${JSON.stringify(p.args.blocks ?? '')}`).join('\n');
}

describe('answers a customer can trust, in Slack', () => {
  it('quotes no imported history to any account, answers from the team\u2019s answers, and from an approval only once it is made', async () => {
    const kb = join(cli.dir, 'knowledge.jsonl');
    const POLICY = withNewcomer(cli.dir, 'test/fixtures/e2e/baton.e2e.yaml');
    await importAsATeamWould(cli.dir, kb, POLICY);
    running = await Harness.start({ knowledgeFile: kb, policyFile: POLICY });
    const h = running;

    // Initrode has no history, Globex some; Acme's own history is history too (a colleague asking later).
    const questions = [...WORDED_LIKE_HISTORY, ...askedInImports(kb)];
    const problems: string[] = [];
    const seen: string[] = [];
    const askers = [[NEWCOMER.channel, NEWCOMER.id, questions], [GLOBEX_CHANNEL, 'globex', questions], [ACME_CHANNEL, 'acme', WORDED_LIKE_HISTORY]] as const;
    for (const [channel, asker, asks] of askers) {
      for (const q of asks) {
        seen.push(await asked(h, channel, q));
        problems.push(...untrustworthy(seen.at(-1)!, asker).map((p) => `${asker} asking "${q}": ${p}`));
      }
    }
    expect(problems).toEqual([]);
    // No imported resolution was quoted, not even a harmless one: they are history until approved.
    expect(seen.filter((s) => /Invoice address|Billing > History|Admin > Seats/.test(s))).toEqual([]);

    expect(await asked(h, GLOBEX_CHANNEL, CURATED.question)).toContain('press Export at the top right');

    // A lead approves a chat's resolution as it stands, confirming its marked spans: the last guard stops it, and the packet says why.
    const chat = loadKnowledge(kb).find((e) => e.id.endsWith('chat-2'))!;
    await approve(h, [chat.id, '--confirm-marked', '--kb', kb]);
    const guarded = await asked(h, GLOBEX_CHANNEL, 'Where do I change the invoice address?');
    expect(plantedIn(guarded)).toEqual([]);
    const packets = h.fake.calls('chat.postMessage').filter((c) => ![GLOBEX_CHANNEL, ACME_CHANNEL].includes(String(c.args.channel)));
    expect(JSON.stringify(packets.at(-1)!.args.blocks)).toMatch(/its last check kept it from the customer.*claims an action nobody took in this conversation/);

    // Then Acme's invoice-address resolution, rewritten for everyone.
    const resolution = loadKnowledge(kb).find((e) => e.kind === 'conversation' && e.account === 'acme' && e.question.includes('invoice address'))!;
    await approve(h, [resolution.id, '--answer', APPROVED, '--kb', kb]);
    for (const channel of [GLOBEX_CHANNEL, ACME_CHANNEL]) {
      const after = await asked(h, channel, WORDED_LIKE_HISTORY[3]!);
      expect(after).toContain('Invoice address, enter the new address and save');
      expect(plantedIn(after)).toEqual([]);
    }
  }, 180_000);
});
