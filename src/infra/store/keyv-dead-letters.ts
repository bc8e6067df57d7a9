import type { RedisClientType } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { DeadLetter, InboxItem } from '../../core/ports/inbox.js';
import { loadRedis, sqliteFile } from './keyv-backend.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/** On Redis the dead letters are one hash, id to letter, so listing them never scans the database. */
const REDIS_DEAD = 'baton-inbox:dead';

/** Where dead letters are kept: a table of the SQLite file, or a hash on Redis. */
interface LetterTable {
  set(id: string, letter: DeadLetter): Promise<void>;
  get(id: string): Promise<DeadLetter | undefined>;
  all(): Promise<DeadLetter[]>;
  /** True for the one caller that removed it. */
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}

function sqliteTable(uri: string): LetterTable {
  const keyv = new Keyv<DeadLetter>({ store: new KeyvSqlite({ uri: `sqlite://${sqliteFile(uri)}`, table: 'inbox_dead', busyTimeout: 10_000 }), namespace: '', useKeyPrefix: false, throwOnErrors: true });
  return {
    set: async (id, letter) => {
      if (!(await keyv.set(id, letter))) throw new BatonError('BATON_INBOX_WRITE', 'the store did not take the dead letter');
    },
    get: async (id) => (await keyv.get(id)) ?? undefined,
    all: async () => {
      const letters: DeadLetter[] = [];
      if (keyv.iterator) for await (const [, value] of keyv.iterator(undefined)) if (value) letters.push(value as DeadLetter);
      return letters;
    },
    remove: (id) => keyv.delete(id),
    close: () => keyv.disconnect(),
  };
}

function redisTable(hash: RedisClientType): LetterTable {
  return {
    set: async (id, letter) => void (await hash.hSet(REDIS_DEAD, id, JSON.stringify(letter))),
    get: async (id) => {
      const raw = await hash.hGet(REDIS_DEAD, id);
      return raw ? (JSON.parse(raw) as DeadLetter) : undefined;
    },
    all: async () => (await hash.hVals(REDIS_DEAD)).map((v) => JSON.parse(v) as DeadLetter),
    remove: async (id) => (await hash.hDel(REDIS_DEAD, id)) === 1,
    close: async () => void (await hash.quit().catch(() => undefined)),
  };
}

/** The dead letters beside the inbox, read only by `baton inbox` and the revival poll. */
export class KeyvDeadLetters {
  private constructor(private readonly table: LetterTable) {}

  static async open(uri: string): Promise<KeyvDeadLetters> {
    if (uri.startsWith('sqlite://')) return new KeyvDeadLetters(sqliteTable(uri));
    const { connectRedis, redisAdapter } = await loadRedis();
    return new KeyvDeadLetters(redisTable(await connectRedis(redisAdapter<DeadLetter>(uri, 'baton-inbox-dead'))));
  }

  put(letter: DeadLetter): Promise<void> {
    return this.table.set(letter.item.id, letter);
  }

  async list(): Promise<DeadLetter[]> {
    return (await this.table.all()).sort((a, b) => a.at - b.at);
  }

  async revive(id: string): Promise<boolean> {
    const letter = await this.table.get(id);
    if (!letter) return false;
    await this.put({ ...letter, retry: true });
    return true;
  }

  drop(id: string): Promise<boolean> {
    return this.table.remove(id);
  }

  /** Each letter marked for retry goes to whoever removes it first, its failures forgotten. */
  async takeRevived(): Promise<InboxItem[]> {
    const taken: InboxItem[] = [];
    for (const letter of await this.list()) {
      if (!letter.retry || !(await this.table.remove(letter.item.id))) continue;
      const { failures: _failures, ...item } = letter.item;
      taken.push(item);
    }
    return taken;
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
