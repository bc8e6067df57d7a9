import type { RedisClientType } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { DeadLetter, DeadLetters, Inbox, InboxItem } from '../../core/ports/inbox.js';
import { loadRedis, sqliteFile, useWriteAheadLog } from './keyv-backend.js';
import { KeyvDeadLetters } from './keyv-dead-letters.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

const TABLE = 'inbox';
/**
 * Items whose outcome is delivered leave the inbox in batches, this often: one statement for all of
 * them. An item a crash leaves behind in the meantime is taken again at the next start and found
 * decided and delivered, so nothing is posted twice; a stop clears the batch before the store closes.
 */
const CLEAR_EVERY_MS = 250;
/**
 * On Redis the inbox is one hash, item id to item: recovery reads that hash and nothing else, however
 * many other keys (conversations, locks, counters) the database holds, and another process's keys
 * can never be mistaken for an item.
 */
const REDIS_INBOX = 'baton-inbox:items';

/**
 * The inbox in its own Keyv table (SQLite) or hash (Redis), beside the state, so recovery lists only
 * what is pending and never scans conversations. On SQLite the events of one burst are committed
 * together (SqliteGroupCommit), each acknowledged only after its commit. Errors throw rather than being
 * swallowed by Keyv: an event the store did not take must not be acknowledged.
 */
export class KeyvInbox implements Inbox, DeadLetters {
  private clearing = new Map<string, { resolve(): void; reject(err: unknown): void }[]>();
  private clearTimer: NodeJS.Timeout | undefined;
  private closing = false;

  private constructor(
    private readonly keyv: Keyv<InboxItem>,
    private readonly dead: KeyvDeadLetters,
    private readonly group?: SqliteGroupCommit,
    private readonly hash?: RedisClientType,
  ) {}

  static async open(uri: string): Promise<KeyvInbox> {
    const options = { namespace: '', useKeyPrefix: false, throwOnErrors: true };
    if (uri.startsWith('sqlite://')) {
      const store = new KeyvSqlite({ uri: `sqlite://${sqliteFile(uri)}`, table: TABLE, busyTimeout: 10_000, iterationLimit: 500 });
      await useWriteAheadLog(store);
      return new KeyvInbox(new Keyv<InboxItem>({ store, ...options }), await KeyvDeadLetters.open(uri), new SqliteGroupCommit(store.query, TABLE));
    }
    const { connectRedis, redisAdapter } = await loadRedis();
    const store = redisAdapter<InboxItem>(uri, 'baton-inbox');
    const keyv = new Keyv<InboxItem>({ store, ...options });
    return new KeyvInbox(keyv, await KeyvDeadLetters.open(uri), undefined, await connectRedis(store));
  }

  async add(item: InboxItem): Promise<void> {
    if (this.group) {
      // The same serialized form Keyv writes, so `pending` reads it back through Keyv.
      await this.group.set(item.id, String(await this.keyv.serializeData({ value: item, expires: undefined })));
      return;
    }
    if (this.hash) {
      await this.hash.hSet(REDIS_INBOX, item.id, JSON.stringify(item));
      return;
    }
    const ok = await this.keyv.set(item.id, item);
    if (!ok) throw new BatonError('BATON_INBOX_WRITE', 'the store did not take the event');
  }

  /** Resolves once the item is cleared, with the batch it joined (see CLEAR_EVERY_MS). */
  done(id: string): Promise<void> {
    this.clearSoon();
    return new Promise((resolve, reject) => this.clearing.set(id, [...(this.clearing.get(id) ?? []), { resolve, reject }]));
  }

  async pending(): Promise<InboxItem[]> {
    await this.clear();
    if (this.hash) return (await this.hash.hVals(REDIS_INBOX)).map((v) => JSON.parse(v) as InboxItem).sort((a, b) => a.receivedAt - b.receivedAt);
    const items: InboxItem[] = [];
    const store = this.keyv.store as { namespace?: string; iterator?: (namespace?: string) => AsyncIterable<[string, unknown]> };
    if (!store.iterator) return items;
    // On Redis the scan also meets keys that are not Keyv's (a lock another instance holds, taken or
    // released mid-scan): those are skipped rather than failing the start.
    for await (const [, raw] of store.iterator(store.namespace)) {
      const data = await Promise.resolve()
        .then(() => this.keyv.deserializeData<InboxItem>(raw as string))
        .catch(() => undefined);
      if (data?.value) items.push(data.value);
    }
    return items.sort((a, b) => a.receivedAt - b.receivedAt);
  }

  /** Written to the dead letters first: a crash between the two leaves the item in both, never in neither. */
  async bury(letter: DeadLetter): Promise<void> {
    await this.dead.put(letter);
    if (this.group) await this.group.delete(letter.item.id);
    else if (this.hash) await this.hash.hDel(REDIS_INBOX, letter.item.id);
    else await this.keyv.delete(letter.item.id);
  }

  buried(): Promise<DeadLetter[]> {
    return this.dead.list();
  }

  revive(id: string): Promise<boolean> {
    return this.dead.revive(id);
  }

  drop(id: string): Promise<boolean> {
    return this.dead.drop(id);
  }

  takeRevived(): Promise<InboxItem[]> {
    return this.dead.takeRevived();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.clear().catch(() => undefined);
    await this.keyv.disconnect();
    await this.dead.close();
  }

  private clearSoon(): void {
    this.clearTimer ??= setTimeout(() => void this.clear().catch(() => undefined), CLEAR_EVERY_MS);
  }

  /**
   * Clears the items delivered since the last batch. A batch that fails (Redis away, say) joins the next
   * one, so a delivered item does not wait for the next start to leave; at close it stays, and the next
   * start finds it decided and delivered.
   */
  private async clear(): Promise<void> {
    clearTimeout(this.clearTimer);
    this.clearTimer = undefined;
    const batch = this.clearing;
    this.clearing = new Map();
    if (batch.size === 0) return;
    const ids = [...batch.keys()];
    try {
      if (this.group) await Promise.all(ids.map((id) => this.group!.delete(id)));
      else if (this.hash) await this.hash.hDel(REDIS_INBOX, ids);
      else await this.keyv.deleteMany(ids);
    } catch (err) {
      if (this.closing) for (const w of [...batch.values()].flat()) w.reject(err);
      else {
        for (const [id, waiters] of batch) this.clearing.set(id, [...waiters, ...(this.clearing.get(id) ?? [])]);
        this.clearSoon();
      }
      throw err;
    }
    for (const w of [...batch.values()].flat()) w.resolve();
  }
}
