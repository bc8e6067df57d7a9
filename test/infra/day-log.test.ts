import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORES, storesClosedAfterEach } from './opened-stores.js';
import type { ConversationFacts } from '../../src/core/metrics/facts.js';
import { ProcessSequence } from '../../src/infra/store/day-sequence.js';
import { KeyvDayLog } from '../../src/infra/store/keyv-day-log.js';
import { storeKeys, utcDay } from '../../src/infra/store/store-keys.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const open = storesClosedAfterEach();

/** Conversation `i` of the day after `turns` customer messages, each answered by Baton. */
function facts(day: number, i: number, turns: number): ConversationFacts {
  const createdAt = day + i * MIN;
  const times = Array.from({ length: turns }, (_, t) => createdAt + t * 1000);
  return { key: `log:${day}:${i}`, accountId: 'acme', createdAt, category: 'billing', at: { customer: times, thanks: [], bot: times.map((t) => t + 500), staff: [] } };
}

describe.each(STORES)('CSAT asks written by two instances at once on %s', (_name, uri) => {
  it('are read at their latest state, before and after older writes are folded together', async () => {
    const where = uri();
    const [a, b, reader] = [await open(where), await open(where), await open(where)];
    // A fixed past day per run, so runs sharing one Redis never meet.
    const day = Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 3000) * DAY;
    const asks = 40;
    const ask = (i: number, rating: number) => ({ conversationKey: `log:${day}:${i}`, ref: { platform: 'slack' as const, channel: 'C1', thread: String(i) }, subject: 'baton' as const, askedAt: day + i * MIN, customers: ['U1'], rating });
    // Each ask is rated three times; its writes alternate between the two instances, all at once.
    for (let rating = 1; rating <= 3; rating++) await Promise.all(Array.from({ length: asks }, (_, i) => ((i + rating) % 2 ? a : b).csatAsks.put(ask(i, rating))));

    const seen = await reader.csatAsks.listAsked(day, day + DAY);
    expect(seen).toHaveLength(asks);
    expect(seen.every((r) => r.rating === 3)).toBe(true);
    // That read folded the 120 writes into the day's base; later writes land after it and still count.
    expect(await reader.backend.keyv.get(storeKeys.logFolded('csat-day', utcDay(day)))).toBe(3 * asks);
    await a.csatAsks.put(ask(0, 5));
    await b.csatAsks.put(ask(asks, 1));
    const again = await reader.csatAsks.listAsked(day, day + DAY);
    expect(again).toHaveLength(asks + 1);
    expect(again.find((r) => r.conversationKey === ask(0, 5).conversationKey)?.rating).toBe(5);
  });
});

describe('a day-log slot whose write failed after taking its number', () => {
  it('holds folding back only while its write could still land, then is passed over', async () => {
    const where = `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-day-log-')), 'baton.sqlite')}`;
    const stores = await open(where);
    let now = Date.UTC(2024, 4, 1);
    const log = new KeyvDayLog<ConversationFacts>(stores.backend.keyv, stores.locks, new ProcessSequence(where), 'csat-day', () => now);
    const day = Date.UTC(2024, 4, 1);
    const folded = () => stores.backend.keyv.get(storeKeys.logFolded('csat-day', utcDay(day)));
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
