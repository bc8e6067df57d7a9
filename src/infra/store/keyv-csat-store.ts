import type Keyv from 'keyv';
import type { CsatRecord, CsatStore } from '../../core/ports/csat-store.js';
import type { Locks } from '../../core/ports/locks.js';
import { KeyvDayBuckets } from './keyv-day-buckets.js';
import { storeKeys } from './store-keys.js';

/** CSAT asks in day buckets (by day asked) plus a pointer per conversation to find its bucket. */
export class KeyvCsatStore implements CsatStore {
  private readonly days: KeyvDayBuckets<CsatRecord>;

  constructor(
    private readonly keyv: Keyv,
    locks: Locks,
  ) {
    this.days = new KeyvDayBuckets(keyv, locks, storeKeys.csatDay);
  }

  async get(conversationKey: string): Promise<CsatRecord | undefined> {
    const askedAt = await this.keyv.get<number>(storeKeys.csatOf(conversationKey));
    return askedAt === undefined ? undefined : this.days.get(askedAt, conversationKey);
  }

  async put(record: CsatRecord): Promise<void> {
    await this.keyv.set(storeKeys.csatOf(record.conversationKey), record.askedAt);
    await this.days.put(record.askedAt, record.conversationKey, record);
  }

  async update<R>(conversationKey: string, change: (current: CsatRecord) => { next?: CsatRecord; result: R }): Promise<R | undefined> {
    const askedAt = await this.keyv.get<number>(storeKeys.csatOf(conversationKey));
    if (askedAt === undefined) return undefined;
    let result: R | undefined;
    await this.days.update(askedAt, conversationKey, (current) => {
      if (!current) return undefined;
      const out = change(current);
      result = out.result;
      return out.next;
    });
    return result;
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
}
