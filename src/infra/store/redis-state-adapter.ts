import KeyvRedis, { type RedisClientType } from '@keyv/redis';
import { numberedKey } from './day-sequence.js';

/**
 * Writes every entry in order; an entry with a prefix is a day-log slot whose number is its counter's
 * next value (KEYS[i] is then the counter). One script: numbering and writing are one round trip, and
 * a slot is never numbered without being written.
 */
const WRITE_NUMBERED = `
for i = 1, #KEYS do
  local key = KEYS[i]
  local prefix = ARGV[3 * i - 2]
  if prefix ~= '' then key = prefix .. (redis.call('INCR', key) - 1) end
  local ttl = ARGV[3 * i]
  if ttl ~= '' then redis.call('SET', key, ARGV[3 * i - 1], 'PX', ttl) else redis.call('SET', key, ARGV[3 * i - 1]) end
end
return #KEYS`;

interface Entry {
  key: string;
  value: unknown;
  ttl?: number;
}

/**
 * Keyv's Redis adapter, which also writes day-log slots numbered on Redis (RedisSequence): a slot
 * costs one round trip, like on SQLite, instead of an INCR first.
 * Values arrive serialized by Keyv, so what is stored is what Keyv reads back.
 */
export class RedisStateAdapter<T> extends KeyvRedis<T> {
  override async set(key: string, value: string, ttl?: number): Promise<void> {
    if (numberedKey(key)) await this.writeNumbered([{ key, value, ttl }]);
    else await super.set(key, value, ttl);
  }

  /** Runs WRITE_NUMBERED; errors throw, as the adapter is set up to (a lost write must not pass silently). */
  async writeNumbered(entries: Entry[]): Promise<void> {
    const client = (await this.getClient()) as RedisClientType;
    const keys: string[] = [];
    const args: string[] = [];
    for (const e of entries) {
      const numbered = numberedKey(e.key);
      keys.push(numbered ? numbered.counter : this.createKeyPrefix(e.key, this.namespace));
      args.push(numbered ? this.createKeyPrefix(numbered.prefix, this.namespace) : '', String(e.value), e.ttl ? String(e.ttl) : '');
    }
    await client.eval(WRITE_NUMBERED, { keys, arguments: args });
  }
}
