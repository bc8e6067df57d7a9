import type { RedisClientType } from '@keyv/redis';
import type { ConversationTuple, EscalationTuple } from './facts-codec.js';
import { DAY_MS, dayOf, type FactsTable } from './facts-table.js';

/** Each kind of fact: a hash of JSON tuples by id, and a sorted set of the ids scored by time. */
const KEYS = {
  conversations: 'baton:report:conversations',
  conversationsAt: 'baton:report:conversations-at',
  packets: 'baton:report:packets',
  packetsAt: 'baton:report:packets-at',
  days: 'baton:report:day-versions',
};

/** The UTC day holding the time a sorted set scores a conversation with, as the days hash names it. */
const CONVERSATION_DAY = `local function conversationDay(key)
  local created = redis.call('ZSCORE', KEYS[4], key)
  if not created then return nil end
  created = tonumber(created)
  return string.format('%.0f', created - created % ${DAY_MS})
end`;

/**
 * Writes facts given as (id, time, day, conversation, json) and moves the versions of the days they
 * touch, in one script: a fact and its days' versions change together. A fact that did not change
 * is not written. KEYS: hash, sorted set, day versions, the conversations' sorted set.
 */
const PUT = `${CONVERSATION_DAY}
for i = 1, #ARGV, 5 do
  local id, at, day, conversation, json = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  if redis.call('HGET', KEYS[1], id) ~= json then
    redis.call('HSET', KEYS[1], id, json)
    redis.call('ZADD', KEYS[2], at, id)
    redis.call('HINCRBY', KEYS[3], day, 1)
    local other = conversation ~= '' and conversationDay(conversation)
    if other and other ~= day then redis.call('HINCRBY', KEYS[3], other, 1) end
  end
end
return 0`;

const TOUCH = `${CONVERSATION_DAY}
local day = conversationDay(ARGV[1])
if day then redis.call('HINCRBY', KEYS[3], day, 1) end
return 0`;

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
    await this.client.eval(TOUCH, { keys: [KEYS.conversations, KEYS.conversationsAt, KEYS.days, KEYS.conversationsAt], arguments: [conversationKey] });
  }

  conversations(since: number, until: number): Promise<ConversationTuple[]> {
    return this.range(KEYS.conversationsAt, KEYS.conversations, since, until);
  }

  packets(since: number, until: number): Promise<EscalationTuple[]> {
    return this.range(KEYS.packetsAt, KEYS.packets, since, until);
  }

  async versions(days: number[]): Promise<number[]> {
    if (days.length === 0) return [];
    const found = await this.client.hmGet(KEYS.days, days.map(String));
    return found.map((v) => Number(v ?? 0));
  }

  private async put(hash: string, sorted: string, rows: [id: string, at: number, conversation: string, json: string][]): Promise<void> {
    if (rows.length === 0) return;
    const args = rows.flatMap(([id, at, conversation, json]) => [id, String(at), String(dayOf(at)), conversation, json]);
    await this.client.eval(PUT, { keys: [hash, sorted, KEYS.days, KEYS.conversationsAt], arguments: args });
  }

  private async range<T>(sorted: string, hash: string, since: number, until: number): Promise<T[]> {
    const found = (await this.client.eval(RANGE, { keys: [sorted, hash], arguments: [String(since), String(until)] })) as string[];
    return JSON.parse(`[${found.join(',')}]`) as T[];
  }
}
