import type { RedisClientType } from '@keyv/redis';
import type { ConversationTuple, EscalationTuple } from './facts-codec.js';
import { DAY_MS, MAX_DAY_CHANGES, type DayChange, type FactsTable } from './facts-table.js';

/** Each kind of fact: a hash of JSON tuples by id, and a sorted set of the ids scored by time. */
const KEYS = {
  conversations: 'baton:report:conversations',
  conversationsAt: 'baton:report:conversations-at',
  packets: 'baton:report:packets',
  packetsAt: 'baton:report:packets-at',
  days: 'baton:report:day-versions',
  /** The version each day's summary was built at. */
  summarized: 'baton:report:day-summarized',
  /** A list per day (the day appended) of `version at escalations`: the writes since its summary. */
  changes: 'baton:report:day-changes:',
};

/** The keys every script gets, in this order, whether it uses them or not. */
const SCRIPT_KEYS = [KEYS.days, KEYS.conversationsAt, KEYS.summarized, KEYS.changes];

/**
 * Moves a day's version by one and, while the day's summary is fewer than MAX_DAY_CHANGES writes old,
 * logs what moved it: the creation time of the day's conversation whose facts changed ('' for none),
 * and whether the day's escalations did. Then the UTC day holding a conversation's time, and that time.
 */
const CHANGE = `local function change(day, at, escalations)
  local version = redis.call('HINCRBY', KEYS[1], day, 1)
  local summarized = redis.call('HGET', KEYS[3], day)
  if summarized and version - tonumber(summarized) <= ${MAX_DAY_CHANGES} then
    redis.call('RPUSH', KEYS[4] .. day, version .. ' ' .. at .. ' ' .. escalations)
  end
end
local function dayOf(t)
  t = tonumber(t)
  return string.format('%.0f', t - t % ${DAY_MS})
end
local function createdAt(key)
  return redis.call('ZSCORE', KEYS[2], key)
end`;

/**
 * Writes facts given as (id, time, conversation, json) and moves the versions of the days they touch, in
 * one script: a fact and its days' versions change together. A fact that did not change is not written;
 * one written at another time than before changes the day it left too. KEYS: SCRIPT_KEYS, hash, sorted set.
 */
const PUT = `${CHANGE}
local function changed(t, conversation)
  if conversation == '' then return change(dayOf(t), t, 0) end
  local created = createdAt(conversation)
  local same = created and dayOf(created) == dayOf(t)
  change(dayOf(t), same and created or '', 1)
  if created and not same then change(dayOf(created), created, 0) end
end
for i = 1, #ARGV, 4 do
  local id, at, conversation, json = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  if redis.call('HGET', KEYS[5], id) ~= json then
    local before = redis.call('ZSCORE', KEYS[6], id)
    redis.call('HSET', KEYS[5], id, json)
    redis.call('ZADD', KEYS[6], at, id)
    changed(at, conversation)
    if before and tonumber(before) ~= tonumber(at) and dayOf(before) ~= dayOf(at) then changed(before, conversation) end
  end
end
return 0`;

const TOUCH = `${CHANGE}
local created = createdAt(ARGV[1])
if created then change(dayOf(created), created, 0) end
return 0`;

/** Records the version a day's summary was built at and drops the logged changes up to it. */
const SUMMARIZED = `redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
local list = KEYS[4] .. ARGV[1]
local entries = redis.call('LRANGE', list, 0, -1)
local done = 0
for _, entry in ipairs(entries) do
  if tonumber(string.match(entry, '^%S+')) > tonumber(ARGV[2]) then break end
  done = done + 1
end
if done > 0 then redis.call('LTRIM', list, done, -1) end
return 0`;

/** The logged changes of each day in ARGV, as lists in the same order. */
const CHANGES = `local out = {}
for i = 1, #ARGV do out[i] = redis.call('LRANGE', KEYS[4] .. ARGV[i], 0, -1) end
return out`;

/** The JSON tuples scored in [ARGV[1], ARGV[2]), oldest first, in one round trip. KEYS: sorted set, hash. */
const RANGE = `local ids = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '(' .. ARGV[2])
local out = {}
for i = 1, #ids, 1000 do
  local part = redis.call('HMGET', KEYS[2], unpack(ids, i, math.min(i + 999, #ids)))
  for j = 1, #part do out[#out + 1] = part[j] end
end
return out`;

/** The report facts where several instances share Redis: sorted sets scored by time, written by scripts. */
export class RedisFactsTable implements FactsTable {
  constructor(private readonly client: RedisClientType) {}

  putConversations(rows: ConversationTuple[]): Promise<void> {
    return this.put(KEYS.conversations, KEYS.conversationsAt, rows.map((r) => [r[0], r[2], '', JSON.stringify(r)]));
  }

  putPackets(rows: EscalationTuple[]): Promise<void> {
    return this.put(KEYS.packets, KEYS.packetsAt, rows.map((r) => [r[0], r[7], r[1], JSON.stringify(r)]));
  }

  async touch(conversationKey: string): Promise<void> {
    await this.client.eval(TOUCH, { keys: SCRIPT_KEYS, arguments: [conversationKey] });
  }

  conversations(since: number, until: number): Promise<ConversationTuple[]> {
    return this.range(KEYS.conversationsAt, KEYS.conversations, since, until);
  }

  async packets(since: number, until: number, of?: string[]): Promise<EscalationTuple[]> {
    const packets = await this.range<EscalationTuple>(KEYS.packetsAt, KEYS.packets, since, until);
    if (!of) return packets;
    const wanted = new Set(of);
    return packets.filter((p) => wanted.has(p[1]));
  }

  async versions(days: number[]): Promise<number[]> {
    if (days.length === 0) return [];
    const found = await this.client.hmGet(KEYS.days, days.map(String));
    return found.map((v) => Number(v ?? 0));
  }

  async summarized(day: number, version: number): Promise<void> {
    await this.client.eval(SUMMARIZED, { keys: SCRIPT_KEYS, arguments: [String(day), String(version)] });
  }

  async changes(days: number[]): Promise<DayChange[]> {
    if (days.length === 0) return [];
    const lists = (await this.client.eval(CHANGES, { keys: SCRIPT_KEYS, arguments: days.map(String) })) as string[][];
    return lists.flatMap((entries, i) =>
      entries.map((entry) => {
        const [version, at, escalations] = entry.split(' ');
        return { day: days[i]!, version: Number(version), ...(at ? { at: Number(at) } : {}), escalations: escalations === '1' };
      }),
    );
  }

  private async put(hash: string, sorted: string, rows: [id: string, at: number, conversation: string, json: string][]): Promise<void> {
    if (rows.length === 0) return;
    const args = rows.flatMap(([id, at, conversation, json]) => [id, String(at), conversation, json]);
    await this.client.eval(PUT, { keys: [...SCRIPT_KEYS, hash, sorted], arguments: args });
  }

  private async range<T>(sorted: string, hash: string, since: number, until: number): Promise<T[]> {
    const found = (await this.client.eval(RANGE, { keys: [sorted, hash], arguments: [String(since), String(until)] })) as string[];
    return JSON.parse(`[${found.join(',')}]`) as T[];
  }
}
