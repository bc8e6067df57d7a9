import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { sendEvent } from '../fakes/slack-request.js';
import { startRedisServer } from '../global-redis.js';
import { BatonProcess, freePort, policyWithChannels, SECRET } from './baton-process.js';
import { ANSWERED, CUSTOMER, customerThreads, deliverUnacked, outcomes, type Sent } from './slack-redelivery.js';
import { untilEveryoneHeardBack, whatBatonStillOwes } from './what-baton-owes.js';

/**
 * Several `npm start` processes on one Redis of their own (so it can be killed), one fake Slack with
 * Slack's per-channel limit: instances joining a busy cluster, and Redis going away mid-burst.
 */
const CHANNELS = Array.from({ length: 25 }, (_, i) => `C0REDIS${String(i).padStart(4, '0')}`);
/** The joining test's customers: enough channels that 20 answers a second keep within one post a second per channel. */
const MANY_CHANNELS = Array.from({ length: 100 }, (_, i) => `C0JOIN${String(i).padStart(5, '0')}`);
const policyFile = policyWithChannels([...CHANNELS, ...MANY_CHANNELS]);
const QUEUES = loadPolicy(policyFile).queues.map((q) => q.channel);

/** How soon after Redis returns every channel that is owed a message must be posting again. */
const RESUME_BOUND_MS = 10_000;

let fake: FakeSlackApi | undefined;
let redis: ChildProcess | undefined;
let running: BatonProcess[] = [];
afterEach(async () => {
  await Promise.all(running.filter((b) => b.child.exitCode === null).map((b) => b.kill()));
  running = [];
  redis?.kill('SIGKILL');
  await fake?.stop();
});

async function world() {
  fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' }, postLimits: { perChannel: { perSecond: 1, burst: 2 } } });
  fake.addUser({ id: CUSTOMER.id, team_id: CUSTOMER.teamId, real_name: 'Casey' });
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'baton-fault-redis-'));
  // Every write reaches the append-only file before Redis answers: a killed Redis comes back with every key.
  const startRedis = async () => {
    redis = await startRedisServer({ port, dir, durable: true });
    return redis;
  };
  await startRedis();
  const store = `redis://127.0.0.1:${port}`;
  const env = { SLACK_API_URL: fake.url, BATON_STORE: store, BATON_CONFIG: policyFile };
  const start = async () => {
    const b = await BatonProcess.start(env);
    running.push(b);
    return b;
  };
  return { fake, store, start, startRedis };
}

/** Sends each event once, `perSecond` of them a second, turn by turn to the instances `to()` names, while `more()` holds. */
async function deliverPaced(events: Sent[], perSecond: number, to: () => BatonProcess[], more: () => boolean): Promise<Sent[]> {
  const sent: Sent[] = [];
  const begin = Date.now();
  for (const [i, e] of events.entries()) {
    if (!more()) break;
    const targets = to();
    const target = targets[i % targets.length]!;
    e.attempts += 1;
    sent.push(e);
    void sendEvent({ url: target.eventsUrl, signingSecret: SECRET }, e.envelope)
      .then((res) => {
        e.acked = res.status >= 200 && res.status < 300;
      })
      .catch(() => undefined);
    const next = begin + ((i + 1) * 1000) / perSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  return sent;
}

/** Each channel's first post once Redis is back, in ms after it returned. */
function resumeDelays(f: FakeSlackApi, back: number): Map<string, number> {
  const first = new Map<string, number>();
  for (const c of f.calls('chat.postMessage')) {
    const channel = String(c.args.channel);
    if (c.response.ok && c.at >= back && !first.has(channel)) first.set(channel, c.at - back);
  }
  return first;
}

async function readyz(b: BatonProcess): Promise<number> {
  return fetch(`${b.url}/readyz`).then((r) => r.status, () => 0);
}

async function decisions(b: BatonProcess): Promise<number> {
  const text = await (await fetch(`${b.url}/metrics`)).text();
  return [...text.matchAll(/^baton_decisions_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

/** Until `check` holds or `timeoutMs` passes; returns whether it held. */
async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** What Slack still owes after the events' first delivery: each unacknowledged one again, as Slack retries. */
async function redeliver(targets: BatonProcess[], sent: Sent[]): Promise<void> {
  for (let round = 0; round < 5 && sent.some((s) => !s.acked); round++) {
    await Promise.all(targets.map((t, i) => deliverUnacked(t.eventsUrl, sent.filter((s, n) => !s.acked && n % targets.length === i), 5)));
  }
}

describe('several instances on one Redis', () => {
  it('an instance started five times beside one serving 20 messages a second starts every time, leaves cleanly, and takes a share', { timeout: 300_000 }, async () => {
    const { fake: f, store, start } = await world();
    const a = await start();
    const targets = [a];
    let starting = true;
    // Questions Baton answers: the packets of escalations would queue at one a second per queue channel.
    const load = deliverPaced(customerThreads(f, MANY_CHANNELS, 6000, 0, [ANSWERED]), 20, () => targets, () => starting);
    // Five joiners one after another, each beside the busy one: four leave again (SIGTERM), the last stays.
    const failures: string[] = [];
    const stops: { code: number | null; output?: string }[] = [];
    let started = 0;
    let b: BatonProcess | undefined;
    for (let i = 0; i < 5; i++) {
      b = await start().catch((err: unknown) => void failures.push(String(err).slice(0, 500)));
      if (b) started += 1;
      if (b && i < 4) {
        const code = await b.stop();
        // A joiner that did not leave cleanly shows why: the end of what it logged.
        stops.push(code === 0 ? { code } : { code, output: b.output.slice(-3000) });
      }
    }
    expect(stops).toEqual(Array.from(stops, () => ({ code: 0 })));
    // The fifth stays and gets half the traffic until it has decided some of it.
    if (b) targets.push(b);
    await until(async () => !b || (await decisions(b)) >= 20, 30_000);
    starting = false;
    const sent = await load;
    await redeliver(targets, sent);
    await untilEveryoneHeardBack(f, sent, QUEUES, 120_000);
    const shares = await Promise.all(targets.map(decisions));
    await Promise.all(targets.map((t) => t.stop()));

    process.stderr.write(`instances: ${started} of 5 started beside ${sent.length} messages at 20/s; decisions per instance ${shares.join(', ')}\n`);
    expect({ started, failures }).toEqual({ started: 5, failures: [] });
    expect(shares.every((n) => n > 0)).toBe(true);
    const seen = outcomes(f, sent, QUEUES);
    expect({ unanswered: seen.unanswered, duplicated: seen.duplicated }).toEqual({ unanswered: 0, duplicated: 0 });
    expect(await whatBatonStillOwes(store, sent)).toMatchObject({ pendingInbox: 0, undelivered: 0, withoutPacket: 0 });
  });

  it('Redis killed mid-burst and restarted under two instances: not ready meanwhile, then every channel drains, nothing lost or doubled', { timeout: 240_000 }, async () => {
    const { fake: f, store, start, startRedis } = await world();
    const instances = [await start(), await start()];
    const sent = customerThreads(f, CHANNELS, 200, 0);
    let acked = 0;
    let killed: Promise<void> | undefined;
    const kill = () => {
      const exited = new Promise<void>((r) => redis!.once('exit', () => r()));
      redis!.kill('SIGKILL');
      return exited;
    };
    await Promise.all(
      instances.map((b, i) =>
        deliverUnacked(b.eventsUrl, sent.filter((_, n) => n % 2 === i), 5, () => {
          if (++acked === 80) killed = kill();
        }),
      ),
    );
    await killed;
    const notReady = await until(async () => (await Promise.all(instances.map(readyz))).every((s) => s === 503), 15_000);
    const outage = await Promise.all(instances.map(async (b) => (await fetch(`${b.url}/readyz`)).json()));
    const postsBefore = f.calls('chat.postMessage').length;

    await startRedis();
    const back = Date.now();
    await redeliver(instances, sent);
    await untilEveryoneHeardBack(f, sent, QUEUES, 120_000);
    const drainedMs = Date.now() - back;
    const readyAgain = await until(async () => (await Promise.all(instances.map(readyz))).every((s) => s === 200), 30_000);
    await Promise.all(instances.map((b) => b.stop()));

    const seen = outcomes(f, sent, QUEUES);
    const resumed = resumeDelays(f, back);
    process.stderr.write(
      `redis outage: ${sent.length} messages, ${sent.filter((s) => s.attempts > 1).length} redelivered, ${f.calls('chat.postMessage').length - postsBefore} posts after Redis returned; ` +
        `every channel posting again within ${Math.max(...resumed.values())} ms, all answered ${drainedMs} ms after\n`,
    );
    expect(resumed.size).toBeGreaterThan(0);
    expect([...resumed.entries()].filter(([, ms]) => ms > RESUME_BOUND_MS)).toEqual([]);
    expect(notReady).toBe(true);
    expect(outage[0]).toMatchObject({ status: 'not ready', checks: { 'rate limits': expect.not.stringMatching(/^ok$/) } });
    expect(readyAgain).toBe(true);
    expect(sent.filter((s) => !s.acked)).toHaveLength(0);
    expect({ unanswered: seen.unanswered, duplicated: seen.duplicated }).toEqual({ unanswered: 0, duplicated: 0 });
    expect(await whatBatonStillOwes(store, sent)).toMatchObject({ pendingInbox: 0, undelivered: 0, withoutPacket: 0 });
    expect([...seen.packets.values()].every((n) => n === 1)).toBe(true);
  });
});
