import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/model/actions.js';
import { FakeSlackApi, type RecordedCall } from '../fakes/fake-slack-api.js';
import { messageEvent } from '../fakes/slack-event-payloads.js';
import { blockActionsPayload } from '../fakes/slack-interaction-payloads.js';
import { sendEvent, sendInteraction } from '../fakes/slack-request.js';
import { BatonProcess, policyWithChannels, SECRET } from './baton-process.js';
import { CUSTOMER } from './slack-redelivery.js';

/**
 * Claims as specialists make them, against the real process and a fake Slack at Slack's posting limits:
 * the customer's "X from our team has picked this up" is an outbox delivery of its own, posted at the customer
 * channel's pace, never behind the packet's chat.update (50 a minute for every packet together).
 */
const VENDOR = 'T0VENDOR01';
const STAFF = Array.from({ length: 5 }, (_, i) => ({ id: `U0STAFF00${i}`, teamId: VENDOR, name: `Sam${i}` }));
/** Queues of their own, so 100 packets are posted in seconds (one a second per channel) before the claims. */
const QUEUES = Array.from({ length: 20 }, (_, i) => String(i).padStart(2, '0'));
const queueChannel = (q: string) => `C0QUEUE0${q}`;
/** How soon after the click its customer must have heard, with Slack's limits as they are. */
const TOLD_WITHIN_MS = 5_000;

let fake: FakeSlackApi | undefined;
let baton: BatonProcess | undefined;
afterEach(async () => {
  if (baton?.child.exitCode === null) await baton.kill();
  await fake?.stop();
});

function policy(channels: string[]): string {
  return policyWithChannels(channels, {
    queues: QUEUES.map((q) => ({ id: `q${q}`, channel: queueChannel(q), role: 'support specialist', sla_minutes: 240, leads: [] })),
    routing: { default_queue: 'q00', rules: QUEUES.map((q) => ({ when: { page: `area-${q}` }, queue: `q${q}` })) },
  });
}

interface Escalated {
  id: string;
  channel: string;
  thread: string;
  packet: { channel: string; ts: string };
}

async function world(channels: string[], env: Record<string, string> = {}) {
  fake = await FakeSlackApi.start({ team: { id: VENDOR }, postLimits: { perChannel: { perSecond: 1, burst: 2 } } });
  fake.addUser({ id: CUSTOMER.id, team_id: CUSTOMER.teamId, real_name: 'Casey' });
  for (const s of STAFF) fake.addUser({ id: s.id, team_id: s.teamId, real_name: s.name, name: s.name });
  const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-claims-')), 'baton.sqlite')}`;
  baton = await BatonProcess.start({ SLACK_API_URL: fake.url, BATON_STORE: store, BATON_CONFIG: policy(channels), ...env });
  return { f: fake, b: baton };
}

/** One customer per channel asks for a person from a page of their own queue's area; resolves once every packet is up. */
async function escalateEach(f: FakeSlackApi, b: BatonProcess, channels: string[]): Promise<Escalated[]> {
  const base = Math.floor(Date.now() / 1000);
  const threads = channels.map((channel, n) => {
    const ts = `${base}.${String(n).padStart(6, '0')}`;
    const text = `I want to talk to a person please, I am on https://app.example.com/area-${QUEUES[n % QUEUES.length]}/settings`;
    f.addMessage(channel, { ts, text, user: CUSTOMER.id, team: CUSTOMER.teamId });
    return { channel, ts, text };
  });
  for (const t of threads) {
    const res = await sendEvent({ url: b.eventsUrl, signingSecret: SECRET }, messageEvent({ channel: t.channel, user: CUSTOMER.id, userTeam: CUSTOMER.teamId, text: t.text, ts: t.ts }));
    expect(res.status).toBe(200);
  }
  const notices = await f.waitFor('chat.postMessage', () => deliveredWith(f, ':notice').length >= channels.length, 60_000).then(() => deliveredWith(f, ':notice'));
  const packets = await f.waitFor('chat.postMessage', () => packetsPosted(f).size >= channels.length, 60_000).then(() => packetsPosted(f));
  return notices.map((n) => {
    const id = deliveryId(n).replace(/:notice$/, '');
    return { id, channel: String(n.args.channel), thread: String(n.args.thread_ts), packet: packets.get(id)! };
  });
}

function deliveryId(c: RecordedCall): string {
  return String((c.args.metadata as { event_payload?: { delivery_id?: string } } | undefined)?.event_payload?.delivery_id ?? '');
}

/** Posts Slack accepted whose delivery id ends with `suffix`. */
function deliveredWith(f: FakeSlackApi, suffix: string): RecordedCall[] {
  return f.calls('chat.postMessage').filter((c) => c.response.ok && deliveryId(c).endsWith(suffix));
}

function packetsPosted(f: FakeSlackApi): Map<string, { channel: string; ts: string }> {
  const packets = new Map<string, { channel: string; ts: string }>();
  for (const c of deliveredWith(f, ':packet')) packets.set(deliveryId(c).replace(/:packet$/, ''), { channel: String(c.args.channel), ts: String(c.response.ts) });
  return packets;
}

async function claim(b: BatonProcess, e: Escalated, by: (typeof STAFF)[number]): Promise<void> {
  const payload = blockActionsPayload({ user: by, channel: { id: e.packet.channel }, message: { ts: e.packet.ts }, action: { actionId: ACTION.claim, value: e.id } });
  const res = await sendInteraction({ url: `${b.url}/slack/events`, signingSecret: SECRET }, payload);
  expect(res.status).toBe(200);
}

/** The claim notices the customers got, by escalation id. */
function claimNotices(f: FakeSlackApi): Map<string, RecordedCall[]> {
  const told = new Map<string, RecordedCall[]>();
  for (const c of f.calls('chat.postMessage').filter((call) => call.response.ok && /:claimed:\d+$/.test(deliveryId(call)))) {
    const id = deliveryId(c).replace(/:claimed:\d+$/, '');
    told.set(id, [...(told.get(id) ?? []), c]);
  }
  return told;
}

describe('claims', () => {
  it('100 claims in 10 seconds: every customer is told within 5 s of their claim, at Slack\'s limits', { timeout: 180_000 }, async () => {
    const channels = Array.from({ length: 100 }, (_, i) => `C0CLAIM${String(i).padStart(4, '0')}`);
    const { f, b } = await world(channels);
    const escalated = await escalateEach(f, b, channels);
    expect(escalated).toHaveLength(100);

    const claimedAt = new Map<string, number>();
    const begin = Date.now();
    await Promise.all(
      escalated.map(async (e, i) => {
        await new Promise((r) => setTimeout(r, Math.max(0, begin + i * 100 - Date.now())));
        claimedAt.set(e.id, Date.now());
        await claim(b, e, STAFF[i % STAFF.length]!);
      }),
    );
    await f.waitFor('chat.postMessage', () => claimNotices(f).size >= escalated.length, 60_000).catch(() => undefined);

    const told = claimNotices(f);
    const delays = escalated.map((e) => (told.get(e.id)?.[0]?.at ?? Number.POSITIVE_INFINITY) - claimedAt.get(e.id)!);
    const sorted = [...delays].sort((x, y) => x - y);
    process.stderr.write(`claims: 100 in ${Math.max(...claimedAt.values()) - begin} ms; told after p50 ${sorted[49]} ms, max ${sorted[99]} ms; ${f.calls('chat.update').length} packet updates by then\n`);
    expect(escalated.filter((e) => told.get(e.id)?.length !== 1)).toEqual([]);
    expect(escalated.filter((e) => told.get(e.id)![0]!.args.thread_ts !== e.thread || told.get(e.id)![0]!.args.channel !== e.channel)).toEqual([]);
    expect(delays.filter((d) => d > TOLD_WITHIN_MS)).toEqual([]);
  });

  it('a claim while the customer channel refuses posts: told once it accepts; past the retry window the default queue is alerted', { timeout: 120_000 }, async () => {
    const channels = ['C0REFUSE0001', 'C0REFUSE0002'];
    const { f, b } = await world(channels, { BATON_DELIVERY_DEADLINE_SECONDS: '10' });
    const [later, never] = await escalateEach(f, b, channels);
    const refusing = (e: Escalated) => f.failWhile('chat.postMessage', (a) => a.channel === e.channel, { error: 'channel_not_found' });
    const accept = refusing(later!);
    refusing(never!);
    const claimPost = (e: Escalated, c: RecordedCall) => c.args.channel === e.channel && /:claimed:\d+$/.test(deliveryId(c));

    await claim(b, later!, STAFF[0]!);
    await claim(b, never!, STAFF[1]!);
    // The channel refuses the notice, then accepts it: the customer is told once, in their thread.
    await f.waitFor('chat.postMessage', (c) => claimPost(later!, c) && !c.response.ok, 15_000);
    accept();
    const told = await f.waitFor('chat.postMessage', (c) => claimPost(later!, c) && c.response.ok, 15_000);
    expect(told.args.thread_ts).toBe(later!.thread);
    expect(String(told.args.text)).toContain('Sam0 from our team');
    // The one that never accepts ends, past the retry window, as an alert in the default queue's channel
    // naming the customer's channel and quoting what they were to hear.
    const alert = await f.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === queueChannel('00') && !c.args.thread_ts && String(c.args.text).includes(never!.channel), 40_000);
    expect(String(alert.args.text)).toContain(`escalation ${never!.id}`);
    expect(String(alert.args.text)).toContain('Sam1 from our team');
    expect(await b.stop()).toBe(0);
    expect(claimNotices(f).get(later!.id)).toHaveLength(1);
    expect(claimNotices(f).get(never!.id)).toBeUndefined();
  });
});
