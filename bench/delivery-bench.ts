/**
 * Intake and delivery figures of the real process (dist/main.js) over signed HTTP against the fake Slack:
 * ack-path throughput beside a bare Bolt app that only acks, the drain of a 500-message burst against
 * Slack's posting limits, and event-to-answer latency at 1 and 20 messages a second.
 * `tsx bench/delivery-bench.ts` (npm run bench runs it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.js';
import type { PostLimits } from '../test/fakes/fake-slack-rate-limits.js';
import { BatonProcess, freePort, policyWithChannels, SECRET } from '../test/fault/baton-process.js';
import { CUSTOMER, deliverUnacked, type Sent } from '../test/fault/slack-redelivery.js';
import { messageEvent } from '../test/fakes/slack-request.js';
import { postAll, signEvents } from './signed-event-load.js';

const CHANNELS = Array.from({ length: 25 }, (_, i) => `C0BENCH${String(i).padStart(4, '0')}`);
const QUESTION = 'How do I invite a teammate?';
const policyFile = policyWithChannels(CHANNELS);
/** The same policy with grouping off: what Baton takes with no grouping at all, beside the shipped policy. */
const ungroupedPolicyFile = policyWithChannels(CHANNELS, { grouping: { window_seconds: 0 } });
let seq = 0;

function thread(fake: FakeSlackApi, channel: string): Sent {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(seq++ % 1_000_000).padStart(6, '0')}`;
  fake.addMessage(channel, { ts, text: QUESTION, user: CUSTOMER.id, team: CUSTOMER.teamId });
  return { channel, ts, envelope: messageEvent({ channel, user: CUSTOMER.id, userTeam: CUSTOMER.teamId, text: QUESTION, ts }), acked: false, attempts: 0 };
}

async function world(postLimits: PostLimits, policy = policyFile) {
  const fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' }, postLimits });
  fake.addUser({ id: CUSTOMER.id, team_id: CUSTOMER.teamId, real_name: 'Casey' });
  const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-bench-')), 'baton.sqlite')}`;
  const baton = await BatonProcess.start({ SLACK_API_URL: fake.url, BATON_STORE: store, BATON_CONFIG: policy, LOG_LEVEL: 'info', BATON_MAX_BACKLOG: '100000' });
  return { fake, baton };
}

function answeredAt(fake: FakeSlackApi, sent: Sent[]): Map<string, number> {
  const at = new Map<string, number>();
  for (const c of fake.calls('chat.postMessage')) if (c.response.ok && typeof c.args.thread_ts === 'string') at.set(`${c.args.channel}:${c.args.thread_ts}`, c.at);
  return new Map(sent.flatMap((s) => (at.has(`${s.channel}:${s.ts}`) ? [[`${s.channel}:${s.ts}`, at.get(`${s.channel}:${s.ts}`)!]] : [])));
}

async function untilAnswered(fake: FakeSlackApi, sent: Sent[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = answeredAt(fake, sent);
    if (at.size === sent.length || Date.now() > deadline) return at;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** CPU time (user + system) a process has used so far, in ms; Linux /proc, NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const ROUNDS = 5;
const ACK_EVENTS = 2000;
/** Enough channels that Baton answers a round's events in seconds at 1 post a second per channel. */
const ACK_CHANNELS = Array.from({ length: 500 }, (_, i) => `C0ACK${String(i).padStart(4, '0')}`);

/** Acks per second for `count` new threads, 50 in flight, and the server's CPU ms per acknowledged event meanwhile. */
async function ackRate(url: string, fake: FakeSlackApi, count: number, pid?: number): Promise<{ perSecond: number; cpuPerEvent: number; sent: Sent[] }> {
  const sent = Array.from({ length: count }, (_, i) => thread(fake, ACK_CHANNELS[i % ACK_CHANNELS.length]!));
  const events = signEvents(sent.map((s) => s.envelope), SECRET);
  const cpu = cpuMs(pid);
  const { acked, seconds } = await postAll(url, events, 50);
  return { perSecond: acked / seconds, cpuPerEvent: (cpuMs(pid) - cpu) / acked, sent };
}

/** Resolves once the process has used under 5% of a core for half a second: its deferred work is done. */
async function untilQuiet(pid: number | undefined): Promise<void> {
  for (let before = cpuMs(pid); ; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuMs(pid);
    if (now - before < 25) return;
    before = now;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Both servers run side by side and are measured in turns, so neither gets a warmer sender or a
 * quieter minute: each round acks 2,000 events on Baton, waits until Baton has answered them all and
 * gone quiet (so its deciding never overlaps the other's round), then acks 2,000 on bare Bolt. Medians.
 */
async function ackPath(): Promise<{ baton: number; bare: number; batonCpu: number; bareCpu: number; ratios: number[] }> {
  const { fake, baton } = await world({}, policyWithChannels(ACK_CHANNELS));
  const port = await freePort();
  const bare = spawn(process.execPath, ['bench/bare-bolt-app.mjs'], { env: { ...process.env, PORT: String(port), SLACK_SIGNING_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => bare.stdout?.on('data', (d: Buffer) => d.toString().includes('running') && resolve()));
  const bareUrl = `http://127.0.0.1:${port}/slack/events`;
  const warm = await ackRate(baton.eventsUrl, fake, 300);
  await untilAnswered(fake, warm.sent, 120_000);
  await ackRate(bareUrl, fake, 300);
  const rounds: { baton: Awaited<ReturnType<typeof ackRate>>; bare: Awaited<ReturnType<typeof ackRate>> }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await untilQuiet(bare.pid);
    const batonRound = await ackRate(baton.eventsUrl, fake, ACK_EVENTS, baton.child.pid);
    await untilAnswered(fake, batonRound.sent, 120_000);
    await untilQuiet(baton.child.pid);
    rounds.push({ baton: batonRound, bare: await ackRate(bareUrl, fake, ACK_EVENTS, bare.pid) });
  }
  bare.kill('SIGTERM');
  await baton.stop();
  await fake.stop();
  return {
    baton: median(rounds.map((r) => r.baton.perSecond)),
    bare: median(rounds.map((r) => r.bare.perSecond)),
    batonCpu: median(rounds.map((r) => r.baton.cpuPerEvent)),
    bareCpu: median(rounds.map((r) => r.bare.cpuPerEvent)),
    ratios: rounds.map((r) => r.baton.perSecond / r.bare.perSecond),
  };
}

/** Best time the limits allow for `n` posts over `channels`: per channel 1/s; workspace burst then its rate. */
function bestSeconds(n: number, channels: number, workspace: { perSecond: number; burst: number }): number {
  const perChannel = Math.ceil(n / channels) - 1;
  return Math.max(perChannel, Math.max(0, n - workspace.burst) / workspace.perSecond);
}

async function burst(): Promise<string> {
  const workspace = { perSecond: 10, burst: 100 };
  const { fake, baton } = await world({ perChannel: { perSecond: 1, burst: 1 }, workspace });
  const sent = Array.from({ length: 500 }, (_, i) => thread(fake, CHANNELS[i % CHANNELS.length]!));
  const started = Date.now();
  await deliverUnacked(baton.eventsUrl, sent, 50);
  const at = await untilAnswered(fake, sent, 300_000);
  const drain = (Math.max(...at.values()) - started) / 1000;
  const posts = fake.calls('chat.postMessage');
  const limited = posts.filter((c) => c.status === 429);
  // A 429 honoured: no post sent on after Retry-After was received, other than those already on the wire (100 ms).
  const early = limited.filter((l) => posts.some((p) => p.at > l.at + 100 && p.at < l.at + 1000 * Number((l.response as { retry_after?: number }).retry_after ?? 1) - 100 && p.status === 200 && p.args.channel === l.args.channel)).length;
  const doubled = sent.filter((s) => posts.filter((p) => p.response.ok && p.args.channel === s.channel && p.args.thread_ts === s.ts).length > 1).length;
  await baton.stop();
  await fake.stop();
  const best = bestSeconds(500, CHANNELS.length, workspace);
  return `500-message burst over 25 channels (fake Slack: 1 post/s per channel, workspace ${workspace.perSecond * 60}/min with a burst of ${workspace.burst}):
  all answered in ${drain.toFixed(1)} s; best the limits allow ${best.toFixed(1)} s (${(drain / best).toFixed(2)}x, target <= 1.25x);
  ${at.size}/500 answered, ${doubled} doubled, ${limited.length} posts answered 429, ${early} of them followed by a post to that channel before its Retry-After`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function latency(perSecond: number, seconds: number, policy = policyFile): Promise<string> {
  const { fake, baton } = await world({ perChannel: { perSecond: 1, burst: 1 } }, policy);
  const sent: Sent[] = [];
  const sentAt = new Map<string, number>();
  const started = Date.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < perSecond * seconds; i++) {
    const wait = started + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const s = thread(fake, CHANNELS[i % CHANNELS.length]!);
    sent.push(s);
    sentAt.set(`${s.channel}:${s.ts}`, Date.now());
    sends.push(deliverUnacked(baton.eventsUrl, [s], 1));
  }
  await Promise.all(sends);
  const at = await untilAnswered(fake, sent, 60_000);
  const ms = [...at].map(([k, t]) => t - sentAt.get(k)!);
  await baton.stop();
  await fake.stop();
  return `  ${String(perSecond).padStart(2)} msg/s for ${seconds} s: p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms (${at.size}/${sent.length} answered)`;
}

/** `tsx bench/delivery-bench.ts [ack] [burst] [latency]`: the parts named, or all three. */
const parts = new Set(process.argv.slice(2));
const wants = (part: string) => parts.size === 0 || parts.has(part);
if (wants('ack')) {
  const ack = await ackPath();
  console.log(`\nintake ack path (signed HTTP event -> 200, 50 in flight, ${ROUNDS} rounds of 2,000 events over 500 channels in turns, medians): Baton ${ack.baton.toFixed(0)}/s (each recorded in SQLite before its 200, in group commits; decisions wait for the burst to ease, 5 s at most), bare Bolt that only acks ${ack.bare.toFixed(0)}/s: ${(ack.baton / ack.bare).toFixed(2)}x (goal >= 0.8x; rounds ${ack.ratios.map((r) => r.toFixed(2)).join(', ')})
  server CPU per acknowledged event meanwhile: Baton ${ack.batonCpu.toFixed(2)} ms, bare Bolt ${ack.bareCpu.toFixed(2)} ms`);
}
if (wants('burst')) console.log(await burst());
if (wants('latency')) {
  console.log('event-to-answer latency, 25 channels, fake Slack at 1 post/s per channel, no workspace limit, shipped policy (grouping on: a whole question like this one is answered at once, only a fragment waits the 3 s window):');
  console.log(await latency(1, 10));
  console.log(await latency(20, 10));
  console.log('the same with grouping.window_seconds: 0 (what Baton itself takes):');
  console.log(await latency(1, 10, ungroupedPolicyFile));
  console.log(await latency(20, 10, ungroupedPolicyFile));
}
