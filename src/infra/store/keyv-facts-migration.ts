import type Keyv from 'keyv';
import type { ConversationTuple, EscalationTuple } from './facts-codec.js';
import type { FactsTable } from './facts-table.js';
import { storeKeys } from './store-keys.js';

/**
 * The Keyv day logs the version before the facts table kept report facts in: per UTC day a base (a
 * JSON map of id to tuple, the slots folded so far), the count folded, and slots `[id, tuple | null]`
 * numbered from that count, a later slot's value winning and null marking the day only.
 */
const LOGS = { conversations: 'facts-conv-day', packets: 'facts-esc-day' } as const;
/** KeyvSqlite matches getMany results to keys pairwise: large batches cost quadratic time. */
const BATCH = 256;

type Log = (typeof LOGS)[keyof typeof LOGS];

/** A key of a log: which day, and what it holds of it. */
function parseKey(log: Log, key: string): { day: string; slot?: number; folded?: true } | undefined {
  const m = new RegExp(`^${log}(-folded)?:(\\d{4}-\\d\\d-\\d\\d)(?::(\\d+))?$`).exec(key);
  if (!m) return undefined;
  return { day: m[2]!, ...(m[1] ? { folded: true as const } : {}), ...(m[3] !== undefined ? { slot: Number(m[3]) } : {}) };
}

async function getMany(keyv: Keyv, keys: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < keys.length; i += BATCH) out.push(...(await keyv.getMany(keys.slice(i, i + BATCH))));
  return out;
}

/** One day of a log as its last writes left it. */
async function readDay<T>(keyv: Keyv, log: Log, keys: string[]): Promise<T[]> {
  const values = await getMany(keyv, keys);
  let base: Record<string, T> = {};
  let folded = 0;
  const slots: [number, [string, T | null]][] = [];
  keys.forEach((key, i) => {
    const at = parseKey(log, key)!;
    const value = values[i];
    if (value === undefined) return;
    if (at.folded) folded = value as number;
    else if (at.slot === undefined) base = JSON.parse(value as string) as Record<string, T>;
    else slots.push([at.slot, JSON.parse(value as string) as [string, T | null]]);
  });
  const items = new Map(Object.entries(base));
  // A slot below the folded count is already in the base (a fold stopped before deleting it).
  for (const [, [id, value]] of slots.filter(([n]) => n >= folded).sort((a, b) => a[0] - b[0])) if (value !== null) items.set(id, value);
  return [...items.values()];
}

/** Every day of a log, one day at a time into the table; returns the keys read. */
async function moveLog<T>(keyv: Keyv, log: Log, keys: string[], put: (rows: T[]) => Promise<void>): Promise<string[]> {
  const byDay = new Map<string, string[]>();
  for (const key of keys) {
    const at = parseKey(log, key);
    if (!at) continue;
    const list = byDay.get(at.day);
    if (list) list.push(key);
    else byDay.set(at.day, [key]);
  }
  for (const dayKeys of byDay.values()) await put(await readDay<T>(keyv, log, dayKeys));
  return [...byDay.values()].flat();
}

/**
 * Reads the report facts a store written by the previous version keeps in Keyv into the facts table,
 * once: conversations before packets (a packet's conversation names the day it also changes), then
 * the old records are deleted and the store marked. Stopped half-way, it runs again on the next open
 * and writes the same rows.
 */
export async function migrateKeyvFacts(keyv: Keyv, keysStartingWith: (prefix: string) => Promise<string[]>, table: FactsTable): Promise<void> {
  if (await keyv.get(storeKeys.factsTable)) return;
  const conversations = await moveLog<ConversationTuple>(keyv, LOGS.conversations, await keysStartingWith(LOGS.conversations), (rows) => table.putConversations(rows));
  const packets = await moveLog<EscalationTuple>(keyv, LOGS.packets, await keysStartingWith(LOGS.packets), (rows) => table.putPackets(rows));
  const read = [...conversations, ...packets];
  for (let i = 0; i < read.length; i += BATCH) await keyv.deleteMany(read.slice(i, i + BATCH));
  await keyv.set(storeKeys.factsTable, true);
}
