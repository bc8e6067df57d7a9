import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newConversation, withTurn } from '../../src/core/conversation/conversation.js';
import type { ConversationFacts } from '../../src/core/metrics/facts.js';
import { openStores, type Stores } from '../../src/infra/store/open-stores.js';
import { ProcessSequence } from '../../src/infra/store/day-sequence.js';
import { KeyvDayLog } from '../../src/infra/store/keyv-day-log.js';
import { storeKeys, utcDay } from '../../src/infra/store/store-keys.js';
import { workerRedisUrl } from '../worker-redis.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const opened: Stores[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function open(uri: string): Promise<Stores> {
  const stores = await openStores(uri);
  opened.push(stores);
  return stores;
}

/** Conversation `i` of the day after `turns` customer messages, each answered by Baton. */
function facts(day: number, i: number, turns: number): ConversationFacts {
  const createdAt = day + i * MIN;
  const times = Array.from({ length: turns }, (_, t) => createdAt + t * 1000);
  return { key: `log:${day}:${i}`, accountId: 'acme', createdAt, category: 'billing', at: { customer: times, thanks: [], bot: times.map((t) => t + 500), staff: [] } };
}

describe.each([
  ['SQLite', () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-day-log-')), 'baton.sqlite')}`],
  ['Redis', () => workerRedisUrl()],
])('report facts written by two instances at once on %s', (_name, uri) => {
  it('count every conversation at its latest state, before and after older writes are folded together', async () => {
    const where = uri();
    const [a, b, reader] = [await open(where), await open(where), await open(where)];
    // A fixed past day per run, so runs sharing one Redis never meet.
    const day = Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 3000) * DAY;
    const conversations = 40;
    // Each conversation gets three messages; its writes alternate between the two instances, all at once.
    for (let turn = 1; turn <= 3; turn++) {
      await Promise.all(Array.from({ length: conversations }, (_, i) => ((i + turn) % 2 ? a : b).facts.putConversation(facts(day, i, turn))));
    }
    const [head] = await reader.facts.conversations.heads([day]);
    expect(head).toBe(3 * conversations - 1);

    const seen = await reader.facts.conversationsCreated(day, day + DAY);
    expect(seen).toHaveLength(conversations);
    expect(seen.every((c) => c.at.customer.length === 3)).toBe(true);

    // That read folded the 120 writes into the day's base; later writes land after it and still count.
    expect(await reader.backend.keyv.get(storeKeys.logFolded('facts-conv-day', utcDay(day)))).toBe(3 * conversations);
    await a.facts.putConversation(facts(day, 0, 4));
    await b.facts.putConversation(facts(day, conversations, 1));
    const again = await reader.facts.conversationsCreated(day, day + DAY);
    expect(again).toHaveLength(conversations + 1);
    expect(again.find((c) => c.key === facts(day, 0, 4).key)?.at.customer).toHaveLength(4);
    const [moved] = await reader.facts.conversations.heads([day]);
    expect(moved).toBe(head! + 2);
  });

  it('keep a conversation and its report slot written together, by either instance', async () => {
    const where = uri();
    const [a, b, reader] = [await open(where), await open(where), await open(where)];
    const day = Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 3000) * DAY;
    const threads = Array.from({ length: 10 }, (_, i) => newConversation({ platform: 'slack', channel: 'C1', thread: `${day / 1000 + i}.000100` }, 'acme', day + i * MIN));
    await Promise.all(threads.map((c, i) => (i % 2 ? a : b).conversations.put(withTurn(c, { role: 'customer', text: 'hello', at: c.createdAt }))));

    expect((await reader.conversations.get(threads[3]!.key))?.turns).toHaveLength(1);
    const seen = await reader.facts.conversationsCreated(day, day + DAY);
    expect(seen.map((c) => c.key).sort()).toEqual(threads.map((c) => c.key).sort());
    expect(await reader.facts.conversations.heads([day])).toEqual([threads.length - 1]);
  });
});

describe('a report slot whose write failed after taking its number', () => {
  it('holds folding back only while its write could still land, then is passed over', async () => {
    const where = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-day-log-')), 'baton.sqlite')}`;
    const stores = await open(where);
    let now = Date.UTC(2024, 4, 1);
    const log = new KeyvDayLog<ConversationFacts>(stores.backend.keyv, stores.locks, new ProcessSequence(where), 'facts-conv-day', () => now);
    const day = Date.UTC(2024, 4, 1);
    const folded = () => stores.backend.keyv.get(storeKeys.logFolded('facts-conv-day', utcDay(day)));
    // Slot 0 is numbered and never written, as when the store refused that write; 40 writes follow it.
    await log.nextSlot(day, 'lost', null);
    for (let i = 0; i < 40; i++) await log.append(day, facts(day, i, 1).key, facts(day, i, 1));

    expect(await log.list(day, day + DAY)).toHaveLength(40);
    expect(await folded()).toBeUndefined();

    now += 61_000;
    expect(await log.list(day, day + DAY)).toHaveLength(40);
    expect(await folded()).toBe(41);
    await log.append(day, facts(day, 40, 1).key, facts(day, 40, 1));
    expect(await log.list(day, day + DAY)).toHaveLength(41);
  });
});

describe('a new escalation', () => {
  it('changes the report version of its conversation\u2019s day and the day it opened, and of no other day', async () => {
    const stores = await open(`sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-day-log-')), 'baton.sqlite')}`);
    const days = [0, 1, 2, 3].map((d) => Date.UTC(2024, 4, 1) + d * DAY);
    for (const day of days) await stores.facts.putConversation(facts(day, 0, 1));
    const before = await stores.facts.daySummaries(days);
    // The customer of day 1 comes back on day 3 and asks for a person.
    await stores.facts.putEscalation({
      id: 'E-BACK', conversationKey: facts(days[1]!, 0, 1).key, accountId: 'acme', queueId: 'support', category: 'billing',
      trigger: 'human_phrase', status: 'open', openedAt: days[3]! + MIN, dueAt: days[3]! + 61 * MIN,
    });
    const after = await stores.facts.daySummaries(days);
    expect(after.map((s, i) => s.version !== before[i]!.version)).toEqual([false, true, false, true]);
  });
});
