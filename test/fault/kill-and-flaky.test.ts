import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { BatonProcess, policyWithChannels } from './baton-process.js';
import { CUSTOMER, customerThreads, deliverUnacked, outcomes, type Sent } from './slack-redelivery.js';
import { untilEveryoneHeardBack, untilNothingOwed, whatBatonStillOwes } from './what-baton-owes.js';

/**
 * The fault suite: the real process (dist/main.js, what `npm start` runs) over signed HTTP against a
 * fake Slack that fails as Slack does. What a customer sees is counted from the fake's record of posts;
 * what Baton still owes is read from its store after it stops.
 */
const CHANNELS = Array.from({ length: 25 }, (_, i) => `C0FAULT${String(i).padStart(4, '0')}`);
const policyFile = policyWithChannels(CHANNELS);
const QUEUES = loadPolicy(policyFile).queues.map((q) => q.channel);

let fake: FakeSlackApi | undefined;
let baton: BatonProcess | undefined;

afterEach(async () => {
  if (baton?.child.exitCode === null) await baton.kill();
  await fake?.stop();
});

async function world() {
  fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' }, postLimits: { perChannel: { perSecond: 1, burst: 2 } } });
  fake.addUser({ id: CUSTOMER.id, team_id: CUSTOMER.teamId, real_name: 'Casey' });
  const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-fault-')), 'baton.sqlite')}`;
  const env = { SLACK_API_URL: fake.url, BATON_STORE: store, BATON_CONFIG: policyFile };
  return { fake, store, env };
}

describe('the fault suite', () => {
  it('SIGKILL mid-burst five times, unacknowledged events redelivered: nothing lost, nothing doubled', { timeout: 240_000 }, async () => {
    const { fake: f, store, env } = await world();
    const sent: Sent[] = [];
    for (let round = 0; round < 5; round++) {
      baton = await BatonProcess.start(env);
      await deliverUnacked(baton.eventsUrl, sent, 10); // what Slack still owed from the last crash
      const burst = customerThreads(f, CHANNELS, 200, round * 200);
      sent.push(...burst);
      let acked = 0;
      const killAt = 60 + ((round * 37) % 80);
      const victim = baton;
      const killing = new Promise<void>((resolve) => {
        void deliverUnacked(victim.eventsUrl, burst, 20, () => {
          if (++acked === killAt) void victim.kill().then(resolve);
        }).then(resolve);
      });
      await killing;
    }
    baton = await BatonProcess.start(env);
    for (let i = 0; i < 3 && sent.some((s) => !s.acked); i++) await deliverUnacked(baton.eventsUrl, sent, 10);
    expect(sent.filter((s) => !s.acked)).toHaveLength(0);
    await untilEveryoneHeardBack(f, sent, QUEUES, 150_000);
    expect(await baton.stop()).toBe(0);

    const seen = outcomes(f, sent, QUEUES);
    const owed = await whatBatonStillOwes(store, sent);
    process.stderr.write(`fault suite: ${sent.length} messages, ${sent.filter((s) => s.attempts > 1).length} redelivered, ${owed.escalationIds.length} escalations\n`);
    expect({ unanswered: seen.unanswered, duplicated: seen.duplicated }).toEqual({ unanswered: 0, duplicated: 0 });
    expect(owed).toMatchObject({ pendingInbox: 0, undelivered: 0, withoutPacket: 0 });
    expect(owed.escalationIds.length).toBeGreaterThan(0);
    expect(owed.escalationIds.every((id) => seen.packets.get(id) === 1)).toBe(true);
    expect([...seen.packets.keys()].sort()).toEqual([...owed.escalationIds].sort());
  });

  it('Slack failing 10% of calls with 5xx, 429 and lost replies: every message delivered exactly once', { timeout: 120_000 }, async () => {
    const { fake: f, store, env } = await world();
    baton = await BatonProcess.start(env);
    f.setFlaky({ rate: 0.1, except: ['auth.test'], seed: 7 });
    const sent = customerThreads(f, CHANNELS, 100, 0);
    await deliverUnacked(baton.eventsUrl, sent, 10);
    expect(sent.filter((s) => !s.acked)).toHaveLength(0);
    await untilEveryoneHeardBack(f, sent, QUEUES, 90_000);
    await untilNothingOwed(store, sent, 20_000);
    f.setFlaky(undefined);
    expect(await baton.stop()).toBe(0);

    const seen = outcomes(f, sent, QUEUES);
    const owed = await whatBatonStillOwes(store, sent);
    expect(f.calls('chat.postMessage').some((c) => c.status === 429 || c.status >= 500 || c.status === 0)).toBe(true);
    expect({ unanswered: seen.unanswered, duplicated: seen.duplicated }).toEqual({ unanswered: 0, duplicated: 0 });
    expect(owed).toMatchObject({ pendingInbox: 0, undelivered: 0, withoutPacket: 0 });
    expect(owed.escalationIds.every((id) => seen.packets.get(id) === 1)).toBe(true);
  });
});
