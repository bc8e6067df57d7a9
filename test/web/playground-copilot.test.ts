import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from './start-playground.js';
import { pageClient, type PageClient } from './playground-client.js';

/** The playground on the shipped policy with Acme in copilot mode, through the routes the board uses. */
let running: RunningPlayground | undefined;
let page: PageClient;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(): Promise<RunningPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-copilot-'));
  const policy = join(dir, 'baton.yaml');
  writeFileSync(policy, readFileSync('config/baton.yaml', 'utf8').replace('channels: [C0ACME0001]', 'channels: [C0ACME0001]\n    mode: copilot'));
  const settings = loadSettings({ PORT: '0', BATON_STORE: `sqlite://${join(dir, 'p.sqlite')}`, BATON_CONFIG: policy, LOG_LEVEL: 'silent' });
  running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
  page = await pageClient(running.url);
  return running;
}

const call = (path: string, body: unknown) => page.call(path, body);

type Event = Record<string, unknown>;
async function feedShows(predicate: (e: Event) => boolean): Promise<Event> {
  for (let i = 0; i < 100; i++) {
    const found = running!.feed.find((e) => predicate(e as unknown as Event)) as unknown as Event | undefined;
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the feed never showed the expected event');
}

const draftOf = (e: Event) => e.packet as { escalationId: string; draft?: { state: string; by?: string } };
/** A message to the customer in Acme's room other than `except`. */
const otherPost = (except: string) => running!.feed.find((e) => e.type === 'message' && e.room === 'acme' && e.role !== 'customer' && !e.html.includes(except));

describe('copilot mode in the playground', () => {
  it('shows the draft on the queue board, sends the edited text to the room once, and says who did it to a second try', async () => {
    await start();
    await call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: 'How do I invite a teammate?' });
    const why = await feedShows((e) => e.type === 'why' && e.room === 'acme');
    expect(why.why).toMatchObject({ outcome: expect.stringMatching(/^Copilot mode/), draftWaiting: true });
    const packet = await feedShows((e) => e.type === 'packet' && draftOf(e).draft?.state === 'pending');
    const escalationId = draftOf(packet).escalationId;

    expect((await call('/api/draft/send', { escalationId, text: 'Open Members in Settings and press Invite.' })).json).toEqual({ ok: true, state: 'edited' });
    await feedShows((e) => e.type === 'packet' && draftOf(e).draft?.state === 'edited');
    const again = await call('/api/draft/discard', { escalationId });
    expect(again).toEqual({ status: 409, json: { ok: false, refusal: 'Jordan already edited and sent this draft.' } });
    const relayed = await feedShows((e) => e.role === 'bot' && String(e.html).includes('Open Members'));
    expect(relayed.html).toContain('Jordan from our team: Open Members in Settings and press Invite.');
    expect(otherPost('Open Members')).toBeUndefined();

    // The lead page's report and review count the same draft, edited then sent.
    const edited = { offered: 1, sent: 0, edited: 1, discarded: 0, waiting: 0, acceptanceRate: 1 };
    const report = (await (await fetch(`${running!.url}/api/report?days=7`)).json()) as { report: { drafts: { current: unknown } }; chart: { title: string } };
    // The chart is the one the Slack report uploads, with the same title.
    expect(report.chart.title).toBe('Escalation rate, CSAT, FCR and healthy share, last 7 days');
    const review = (await (await fetch(`${running!.url}/api/review`)).json()) as { drafts: { current: unknown } };
    expect([report.report.drafts.current, review.drafts.current]).toEqual([edited, edited]);
  });
});
