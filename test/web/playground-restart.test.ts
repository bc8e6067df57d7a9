import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { conversationKey } from '../../src/core/model/conversation-ref.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from './start-playground.js';
import type { PlaygroundEvent } from '../../src/web/render/events.js';
import { pageClient, type PageClient } from './playground-client.js';

/** The playground's pages live in memory and its store on disk: what a restart and a reset leave the pages showing. */
let running: RunningPlayground | undefined;
let page: PageClient;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(store: string): Promise<RunningPlayground> {
  const settings = loadSettings({ PORT: '0', BATON_STORE: `sqlite://${store}`, LOG_LEVEL: 'silent' });
  running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
  page = await pageClient(running.url);
  return running;
}

const freshStore = () => join(mkdtempSync(join(tmpdir(), 'baton-web-restart-')), 'p.sqlite');

/** What the page is told, in order: the feed the event stream replays to a new page. */
function shown<T extends PlaygroundEvent['type']>(p: RunningPlayground, type: T): Extract<PlaygroundEvent, { type: T }>[] {
  const all: PlaygroundEvent[] = [];
  p.feed.find((e) => {
    all.push(e);
    return false;
  });
  return all.filter((e): e is Extract<PlaygroundEvent, { type: T }> => e.type === type);
}

/** Asks in #acme and waits until the conversation's messages are all delivered. */
async function asked(p: RunningPlayground, text: string): Promise<string> {
  const { json } = await page.call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text });
  const key = conversationKey({ platform: 'web', channel: 'acme', thread: json.thread as string });
  await vi.waitFor(async () => expect((await p.core.conversations.get(key))?.outbox).toEqual([]), { timeout: 15_000 });
  return json.thread as string;
}

const matters = async () => ((await page.call('/api/report?days=7')).json.report as { current: { matters: number } }).current.matters;

describe('the playground after a restart', () => {
  it('shows each thread from its question with the transcript the store keeps, and the open escalation on its board, claimable and closable', async () => {
    const store = freshStore();
    const first = await start(store);
    const answered = await asked(first, 'How do I invite a teammate?');
    const escalated = await asked(first, 'Can I talk to a human please?');
    await first.stop();

    const again = await start(store);
    const threads = new Map<string, string[]>();
    for (const m of shown(again, 'message')) threads.set(m.thread, [...(threads.get(m.thread) ?? []), `${m.role}: ${m.html}`]);
    expect(threads.get(answered)![0]).toBe('customer: How do I invite a teammate?');
    expect(threads.get(answered)![1]).toMatch(/^bot: .*Settings &gt; Members/);
    // Notices are not part of the transcript the store keeps: the question is.
    expect(threads.get(escalated)![0]).toBe('customer: Can I talk to a human please?');
    for (const [, messages] of threads) expect(messages[0]).toMatch(/^customer: /);

    const [packet] = shown(again, 'packet');
    expect(packet).toMatchObject({ board: 'queue-enterprise', packet: { status: 'open', account: { name: 'Acme Corp' } } });
    const escalationId = packet!.packet.escalationId;
    expect((await page.call('/api/claim', { escalationId })).status).toBe(200);
    await vi.waitFor(() => expect(shown(again, 'packet').at(-1)!.packet.status).toBe('claimed'));
    expect((await page.call('/api/close', { escalationId, rootCause: 'other', aiAccuracy: 'correct', automation: 'no' })).status).toBe(200);
    await vi.waitFor(() => expect(shown(again, 'packet').at(-1)!.packet.status).toBe('resolved'));
    expect(shown(again, 'packet').every((p) => p.id === packet!.id)).toBe(true);
  });
});

describe('the inbox after a restart', () => {
  it('lists the escalation from the store with its internal note and assignee, and shows the note on its packet again', async () => {
    const store = freshStore();
    const first = await start(store);
    await asked(first, 'Can I talk to a human please?');
    const [row] = (await page.call('/api/inbox')).json.rows as { escalationId: string }[];
    expect((await page.call('/api/note', { escalationId: row!.escalationId, text: 'VIP: call before noon' })).status).toBe(200);
    expect((await page.call('/api/assign', { escalationId: row!.escalationId, to: 'web-staff-riley' })).status).toBe(200);
    await first.stop();

    const again = await start(store);
    const rows = (await page.call('/api/inbox?status=claimed')).json.rows;
    expect(rows).toEqual([expect.objectContaining({ escalationId: row!.escalationId, claimedBy: { id: 'web-staff-riley', name: 'Riley' }, notes: [expect.objectContaining({ text: 'VIP: call before noon' })] })]);
    const [packet] = shown(again, 'packet');
    expect(shown(again, 'internal')).toEqual([expect.objectContaining({ board: 'queue-enterprise', packetId: packet!.id, text: 'Internal note from Jordan: VIP: call before noon' })]);
  });

  it('refuses an unknown filter, an empty note and a teammate who is not on the team, in plain words', async () => {
    await start(freshStore());
    expect((await page.call('/api/inbox?status=pending')).json).toEqual({ error: 'status must be one of open, claimed, closed.' });
    expect((await page.call('/api/inbox?queue=nope')).status).toBe(400);
    expect((await page.call('/api/note', { escalationId: 'E-NONE', text: '  ' })).json).toEqual({ ok: false, error: 'Write something first: the note is empty.' });
    expect((await page.call('/api/assign', { escalationId: 'E-NONE', to: 'web-acme-alex' })).json).toEqual({ ok: false, error: '"web-acme-alex" is not on the team: Jordan, Riley, Casey.' });
  });
});

describe('the playground after a reset', () => {
  it('counts the conversations that come after it in the report, on a busy day', async () => {
    const p = await start(freshStore());
    // Enough conversations that the day's log ran past the slots a report looks at first.
    const busy = Array.from({ length: 10 }, (_, i) => `Question ${i + 1}: how do I invite a teammate?`);
    for (const q of busy) await asked(p, q);
    expect(await matters()).toBe(busy.length);
    expect((await page.call('/api/reset', {})).status).toBe(200);
    expect(await matters()).toBe(0);
    await asked(p, 'How do I export my data?');
    expect(await matters()).toBe(1);
  });
});
