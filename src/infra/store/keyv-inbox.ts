import type KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Inbox, InboxItem } from '../../core/ports/inbox.js';
import { redisAdapter, sqliteFile, useWriteAheadLog } from './keyv-backend.js';

/**
 * The inbox in its own Keyv table (SQLite) or namespace (Redis), beside the state, so recovery lists
 * only what is pending and never scans conversations. Errors throw rather than being swallowed by
 * Keyv: an event the store did not take must not be acknowledged.
 */
export class KeyvInbox implements Inbox {
  private constructor(private readonly keyv: Keyv<InboxItem>) {}

  static async open(uri: string): Promise<KeyvInbox> {
    let store: KeyvSqlite | KeyvRedis<InboxItem>;
    if (uri.startsWith('sqlite://')) {
      store = new KeyvSqlite({ uri: `sqlite://${sqliteFile(uri)}`, table: 'inbox', busyTimeout: 10_000, iterationLimit: 500 });
      await useWriteAheadLog(store);
    } else {
      store = redisAdapter<InboxItem>(uri, 'baton-inbox');
    }
    return new KeyvInbox(new Keyv<InboxItem>({ store, namespace: '', useKeyPrefix: false, throwOnErrors: true }));
  }

  async add(item: InboxItem): Promise<void> {
    const ok = await this.keyv.set(item.id, item);
    if (!ok) throw Object.assign(new Error('the store did not take the event'), { code: 'BATON_INBOX_WRITE' });
  }

  async done(id: string): Promise<void> {
    await this.keyv.delete(id);
  }

  async pending(): Promise<InboxItem[]> {
    const items: InboxItem[] = [];
    if (!this.keyv.iterator) return items;
    for await (const [, value] of this.keyv.iterator(undefined)) if (value) items.push(value as InboxItem);
    return items.sort((a, b) => a.receivedAt - b.receivedAt);
  }

  close(): Promise<void> {
    return this.keyv.disconnect();
  }
}
