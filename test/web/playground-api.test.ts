import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config/load-settings.js';
import { conversationKey } from '../../src/core/model/conversation-ref.js';
import { createLogger } from '../../src/infra/logger.js';
import { startPlayground, type RunningPlayground } from './start-playground.js';
import { pageClient, type PageClient } from './playground-client.js';

/** The web adapter against the real core and a real SQLite file, through its HTTP routes, as the page uses them. */
let running: RunningPlayground | undefined;
let page: PageClient;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(env: Record<string, string> = {}): Promise<RunningPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-'));
  const settings = loadSettings({ PORT: '0', BATON_STORE: `sqlite://${join(dir, 'p.sqlite')}`, LOG_LEVEL: 'silent', ...env });
  expect(settings.mode).toBe('playground');
  running = await startPlayground({ env: settings.env, policy: settings.policy, log: createLogger('silent') });
  page = await pageClient(running.url);
  return running;
}

const call = (path: string, body?: unknown) => page.call(path, body);

const ask = (text: string, customer = 'web-acme-alex', account = 'acme') => call('/api/customer-messages', { account, customer, text });

/** Waits on the feed itself, the page's only source, for an event matching `predicate` (a held reply waits out the grouping window). */
async function feedShows(predicate: (e: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (let i = 0; i < 500; i++) {
    const found = running!.feed.find((e) => predicate(e as unknown as Record<string, unknown>)) as unknown as Record<string, unknown> | undefined;
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the feed never showed the expected event');
}

describe('the playground adapter', () => {
  it('runs on whatever BATON_CONFIG names, mapping each account to a browser room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-web-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, readFileSync('config/baton.yaml', 'utf8').replace('channels: [C0GLOBEX01]', 'channels: [C0GLOBEX01, "web:globex-demo"]'));
    await start({ BATON_CONFIG: file });
    const { json } = await call('/api/setup');
    const rooms = (json.accounts as { id: string; room: string }[]).map((a) => [a.id, a.room]);
    expect(rooms).toEqual([['acme', 'acme'], ['globex', 'globex-demo']]);
    expect((json.queues as { board: string }[]).map((q) => q.board)).toContain('queue-billing');
  });

  it("asks the README's clarifying question with the shipped knowledge, and answers the reading named in the reply", async () => {
    // The example as the README gives it, so the front door and the playground cannot drift apart.
    const example = /\*\*([^*]+)\*\*[^*]*Baton asks which one you mean; reply "(.+?)" and it answers/.exec(readFileSync('README.md', 'utf8').replace(/\n\s*/g, ' '));
    expect(example).not.toBeNull();
    const [, question, reply] = example!;
    const p = await start();
    const { json } = await ask(question!);
    const asked = await feedShows((e) => e.role === 'bot' && e.thread === json.thread);
    expect(asked.html).toBe('Do you mean:<ul><li>How to: Reports and exports: How do I export a report to CSV?</li><li>How to: Reports and exports: How do I schedule a report by email?</li></ul>');
    await call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: reply, thread: json.thread });
    const answered = await feedShows((e) => e.role === 'bot' && e.thread === json.thread && e.id !== asked.id);
    expect(answered.sources).toEqual([expect.objectContaining({ title: 'Reports and exports: How do I export a report to CSV?' })]);
    expect(p.feed.find((e) => e.type === 'packet')).toBeUndefined();
  });

  it("answers from the policy's knowledge sources, synced when it starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-web-sources-'));
    writeFileSync(join(dir, 'workspace.md'), '# Sandboxes\n\n## Link a sandbox workspace\n\nAn owner opens Settings, then Integrations, chooses Sandbox and presses Link sandbox.\n');
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, `${readFileSync('config/baton.yaml', 'utf8')}\nknowledge:\n  sources:\n    - { id: handbook, kind: markdown, path: ${JSON.stringify(dir)} }\n`);
    const p = await start({ BATON_CONFIG: file });
    await p.sweep();
    const { json } = await ask('How do I link a sandbox workspace?');
    const answered = await feedShows((e) => e.role === 'bot' && e.thread === json.thread);
    expect(answered.html).toContain('presses Link sandbox');
    expect(answered.sources).toEqual([expect.objectContaining({ title: 'Sandboxes: Link a sandbox workspace' })]);
  });

  it('escapes what a customer writes, so their words never become markup', async () => {
    await start();
    await ask('<img src=x onerror=alert(1)> how do I invite a teammate?');
    const shown = await feedShows((e) => e.role === 'customer');
    expect(shown.html).toBe('&lt;img src=x onerror=alert(1)&gt; how do I invite a teammate?');
  });

  it('refuses a customer of another account, a blank question and a body that is not JSON, and keeps serving', async () => {
    await start();
    expect((await ask('hello', 'web-globex-alex', 'acme')).status).toBe(400);
    expect((await ask('   ')).json.error).toBe('Write something first: the message is empty.');
    expect((await call('/api/customer-messages', '{not json')).status).toBe(400);
    expect((await ask('How do I invite a teammate?')).status).toBe(200);
  });

  it('refuses a message of only invisible characters, and one of 40,000 characters, in plain words', async () => {
    const p = await start();
    const invisible = await ask('\u200b\u200d\ufeff \u2060');
    expect(invisible).toEqual({ status: 400, json: { error: 'Write something first: the message is empty.' } });
    const long = await ask('a'.repeat(40_000));
    expect(long).toEqual({ status: 400, json: { error: 'This message is 40,000 characters long; Baton takes up to 4,000 at a time. Shorten it or send it in parts.' } });
    expect(p.feed.find((e) => e.type === 'message')).toBeUndefined();
  });

  it('decides a greeting and the question sent right after it as one request, as a shared channel would', async () => {
    const p = await start();
    const greeting = await ask('hi');
    const thread = greeting.json.thread as string;
    await call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: 'How do I invite a teammate?', thread });
    const whyOf = (id: unknown) => p.feed.find((e) => e.type === 'why' && e.messageId === id) as { why: { outcome: string } } | undefined;
    const question = p.feed.find((e) => e.type === 'message' && e.role === 'customer' && e.thread === thread && e.id !== greeting.json.id)!;
    // The greeting is held for the window; the question joins it and both are decided together.
    const whys = await vi.waitFor(() => [whyOf(greeting.json.id)!, whyOf((question as { id: string }).id)!].map((w) => w.why), { timeout: 15_000 });
    expect(whys[0]).toEqual(whys[1]);
    expect(whys[0]!.outcome).toMatch(/^Answered/);
    await vi.waitFor(async () => expect((await p.core.conversations.get(conversationKey({ platform: 'web', channel: 'acme', thread })))?.outbox).toEqual([]));
    const answers = (await p.core.conversations.get(conversationKey({ platform: 'web', channel: 'acme', thread })))!.turns.filter((t) => t.role === 'bot');
    expect(answers).toHaveLength(1);
  });

  it('names each missing close tag, and refuses a second close', async () => {
    await start();
    await ask('Can I talk to a human please?');
    const packet = await feedShows((e) => e.type === 'packet');
    const escalationId = (packet.packet as { escalationId: string }).escalationId;
    const refused = await call('/api/close', { escalationId, rootCause: 'user_error' });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.json.errors as object).sort()).toEqual(['ai_accuracy', 'automation_potential']);
    expect((await call('/api/close', { escalationId, rootCause: 'user_error', aiAccuracy: 'correct', automation: 'no' })).status).toBe(200);
    const again = await call('/api/close', { escalationId, rootCause: 'user_error', aiAccuracy: 'correct', automation: 'no' });
    expect(again.json.refusal).toBe('This escalation is already resolved.');
  });

  it('says an unknown escalation is gone, a bad period is not a number of days, and answers health probes', async () => {
    await start();
    const gone = await call('/api/close', { escalationId: 'E-none', rootCause: 'user_error' });
    expect(gone.status).toBe(404);
    expect(gone.json.refusal).toBe('This escalation no longer exists.');
    const report = await call('/api/report?days=abc');
    expect(report.status).toBe(400);
    expect(report.json.error).toBe('days must be a whole number of days, like 30 (got "abc").');
    const year = await call('/api/report?period=year');
    expect(year.status).toBe(400);
    expect(year.json.error).toContain('"year" is neither a period (7d, 30d, 90d, quarter)');
    expect((await call('/healthz')).json.status).toBe('ok');
    expect((await call('/readyz')).json).toEqual({ status: 'ready', checks: { store: 'ok', web: 'ok', knowledge: 'ok', deliveries: 'ok' } });
  });

  it('reports the playground\u2019s conversations as their own platform', async () => {
    await start();
    await ask('Can I talk to a human please?');
    await feedShows((e) => e.type === 'packet');
    const { json } = await call('/api/report?days=7');
    const rows = (json.report as { platforms: { label: string; figures: { matters: number; escalationRate: number } }[] }).platforms;
    expect(rows.map((r) => [r.label, r.figures.matters, r.figures.escalationRate])).toEqual([['Playground', 1, 1]]);
  });

  it('relays a specialist reply from the packet to the customer thread, claiming the escalation', async () => {
    await start();
    const { json } = await ask('Can I talk to a human please?');
    const packet = await feedShows((e) => e.type === 'packet');
    const escalationId = (packet.packet as { escalationId: string }).escalationId;
    expect((await call('/api/reply', { escalationId, text: 'Happy to help: what do you need?' })).status).toBe(200);
    const relayed = await feedShows((e) => e.role === 'bot' && String(e.html).includes('Happy to help'));
    expect(relayed.thread).toBe(json.thread);
    expect(relayed.html).toContain('Jordan');
    await feedShows((e) => e.type === 'packet' && (e.packet as { status: string }).status === 'claimed');
  });

  it('puts a follow-up in the thread of an open escalation under its packet, as Slack and Teams do', async () => {
    await start();
    const { json } = await ask('Can I talk to a human please?');
    const packet = await feedShows((e) => e.type === 'packet');
    await call('/api/customer-messages', { account: 'acme', customer: 'web-acme-alex', text: 'It is about invoice 1042.', thread: json.thread });
    // A fragment like this one waits the grouping window for the rest of the request first.
    const note = await vi.waitFor(() => {
      const found = running!.feed.find((e) => e.type === 'internal' && e.text.includes('invoice 1042'));
      if (!found) throw new Error('no note under the packet yet');
      return found;
    }, { timeout: 15_000 });
    expect(note).toMatchObject({ packetId: packet.id, text: 'Alex added: It is about invoice 1042.' });
  });

  it('lets only the customer who asked rate the conversation', async () => {
    await start();
    const { json } = await ask('Can I talk to a human please?');
    const packet = await feedShows((e) => e.type === 'packet');
    await call('/api/close', { escalationId: (packet.packet as { escalationId: string }).escalationId, rootCause: 'other', aiAccuracy: 'correct', automation: 'no' });
    await feedShows((e) => 'csat' in e);
    const key = conversationKey({ platform: 'web', channel: 'acme', thread: json.thread as string });
    expect((await call('/api/csat', { conversationKey: key, customer: 'web-acme-sam', rating: 5 })).json.refusal).toContain('only the customer who asked');
    expect((await call('/api/csat', { conversationKey: key, customer: 'web-acme-alex', rating: 5 })).status).toBe(200);
  });

  it('Helpful / Not helpful under an answer go through the core: Not helpful opens the packet and the buttons give way', async () => {
    const p = await start();
    await ask('How do I invite a teammate?');
    const answer = await feedShows((e) => e.role === 'bot' && 'feedback' in e);
    const feedback = answer.feedback as { helpful: string; notHelpful: string; answer: string };
    expect([feedback.helpful, feedback.notHelpful]).toEqual(['Helpful', 'Not helpful']);
    const outsider = await call('/api/answer-feedback', { answer: feedback.answer, messageId: answer.id, customer: 'web-globex-alex', vote: 'not_helpful' });
    expect(outsider).toMatchObject({ status: 409, json: { refusal: expect.stringContaining('belong to the customer who asked here') } });
    const talk = await call('/api/talk-to-human', { conversationKey: feedback.answer.split(' ')[1], customer: 'web-globex-alex' });
    expect(talk.json).toMatchObject({ outcome: 'not_your_conversation', refusal: expect.stringContaining('belong to the customer who asked here') });
    expect(await p.core.loop.feedback.list(0, Date.now() + 1)).toEqual([]);
    const voted = await call('/api/answer-feedback', { answer: feedback.answer, messageId: answer.id, customer: 'web-acme-alex', vote: 'not_helpful' });
    expect(voted.status).toBe(200);
    expect(await feedShows((e) => e.type === 'feedback-done' && e.id === answer.id)).toMatchObject({ text: expect.stringContaining('Sorry that did not help') });
    // The thread says which button was pressed.
    expect(await feedShows((e) => e.type === 'why' && 'pressed' in e)).toMatchObject({ pressed: 'Not helpful' });
    await feedShows((e) => e.type === 'packet');
    expect(await p.core.loop.feedback.list(0, Date.now() + 1)).toEqual([expect.objectContaining({ vote: 'not_helpful', category: 'how_to' })]);
    expect((await call('/api/answer-feedback', { answer: 'answer:E-NONE web:acme:1', messageId: 'x', customer: 'web-acme-alex', vote: 'helpful' })).status).toBe(404);
    const csv = await (await fetch(`${running!.url}/api/gaps.csv?days=7`)).text();
    expect(csv.split('\r\n')[1]).toMatch(/^"[^"]+","how_to","1","0","0","1","1","How do I invite a teammate\?",""$/);
  });

  it('reset empties the store and tells open pages to clear', async () => {
    const p = await start();
    const { json } = await ask('Can I talk to a human please?');
    const key = conversationKey({ platform: 'web', channel: 'acme', thread: json.thread as string });
    await feedShows((e) => e.type === 'packet');
    // The handoff notice is still being delivered after the packet shows; a reset during it would be undone.
    await vi.waitFor(async () => expect((await p.core.conversations.get(key))?.outbox).toEqual([]));
    await call('/api/reset', {});
    expect(await p.core.conversations.get(key)).toBeUndefined();
    await feedShows((e) => e.type === 'reset');
    expect((await call('/api/review')).json.tagged).toBe(0);
  });
});
