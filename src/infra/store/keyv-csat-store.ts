import type Keyv from 'keyv';
import type { CsatRecord, CsatStore } from '../../core/ports/csat-store.js';
import type { Locks } from '../../core/ports/locks.js';
import type { DaySequence } from './day-sequence.js';
import { KeyvDayLog } from './keyv-day-log.js';
import { storeKeys } from './store-keys.js';

/**
 * CSAT asks: one record per conversation (changed under that conversation's lock), and each value
 * also appended to a day log by day asked, for the reports.
 */
export class KeyvCsatStore implements CsatStore {
  private readonly days: KeyvDayLog<CsatRecord>;

  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
    sequence: DaySequence,
  ) {
    this.days = new KeyvDayLog(keyv, locks, sequence, 'csat-day');
  }

  async get(conversationKey: string): Promise<CsatRecord | undefined> {
    const record = await this.keyv.get<CsatRecord>(storeKeys.csatRecord(conversationKey));
    if (record) return record;
    // Asks stored before records were kept one by one sit only in their day.
    const askedAt = await this.keyv.get<number>(storeKeys.csatOf(conversationKey));
    if (askedAt === undefined) return undefined;
    const [day] = await this.days.read(askedAt, askedAt + 1);
    return day?.items.get(conversationKey);
  }

  async put(record: CsatRecord): Promise<void> {
    await this.keyv.set(storeKeys.csatRecord(record.conversationKey), record);
    await this.days.append(record.askedAt, record.conversationKey, record);
  }

  update<R>(conversationKey: string, change: (current: CsatRecord) => { next?: CsatRecord; result: R }): Promise<R | undefined> {
    return this.locks.run(storeKeys.csatRecord(conversationKey), async () => {
      const current = await this.get(conversationKey);
      if (!current) return undefined;
      const { next, result } = change(current);
      if (next) await this.put(next);
      return result;
    });
  }

  async listAsked(since: number, until: number): Promise<CsatRecord[]> {
    return (await this.days.list(since, until)).filter((r) => r.askedAt >= since && r.askedAt < until);
  }

  async lastAsked(customerId: string): Promise<number | undefined> {
    return (await this.keyv.get<number>(storeKeys.csatCustomer(customerId))) ?? undefined;
  }

  async markAsked(customerIds: string[], at: number): Promise<void> {
    await Promise.all(customerIds.map((id) => this.keyv.set(storeKeys.csatCustomer(id), at)));
  }

  /** Many asks at once straight into their days (imports, benchmarks). */
  async putMany(records: CsatRecord[]): Promise<void> {
    await this.days.putMany(records.map((r) => ({ dayOf: r.askedAt, id: r.conversationKey, value: r })));
  }
}

