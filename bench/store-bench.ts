/**
 * Store cost of the message path: `tsx bench/store-bench.ts [conversations-a-day...]`. Runs what the
 * intake does for one message (inbox record, the core use case handleMessage, the delivery runner
 * marking the item as delivering and delivering the outbox, inbox cleared) on a store whose day already
 * holds that many conversations, and counts through an instrumented Keyv store adapter (and the inbox's
 * group commit) every store operation and the bytes written, and every lock taken, per answered message
 * and per escalation. Each message starts a new conversation (a new thread).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import { parsePolicy } from '../src/config/load-policy.js';
import { buildDecider } from '../src/core/answer/build-decider.js';
import { handleMessage } from '../src/core/conversation/handle-message.js';
import type { CoreDeps } from '../src/core/deps.js';
import type { ChatGateway } from '../src/core/ports/chat-gateway.js';
import type { Logger } from '../src/core/ports/logger.js';
import { DeliveryRunner } from '../src/infra/delivery/delivery-runner.js';
import { loadDocs } from '../src/infra/knowledge/load-docs.js';
import { ProcessLocks } from '../src/infra/locks/process-locks.js';
import { freePort, startRedisServer } from '../test/global-redis.js';
import { KeyvInbox } from '../src/infra/store/keyv-inbox.js';
import { SqliteGroupCommit } from '../src/infra/store/sqlite-group-commit.js';
import { RedisFactsTable } from '../src/infra/store/redis-facts-table.js';
import { SqliteFactsTable } from '../src/infra/store/sqlite-facts-table.js';
import { openStores, type Stores } from '../src/infra/store/open-stores.js';
import { RedisStateAdapter } from '../src/infra/store/redis-state-adapter.js';

/** What the instrumented adapter and locks saw. */
const counted = { ops: 0, bytes: 0, locks: 0 };

/**
 * Counts every call the Keyv store adapters answer (SQLite and Redis), and the bytes of every value
 * they are given to write; each write of report facts; on Redis also each script that numbers and writes a day-log slot. Locks are counted as taken.
 */
function instrumentStoreAdapter(): void {
  for (const adapter of [KeyvSqlite, KeyvRedis]) {
    const proto = adapter.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of ['get', 'getMany', 'has', 'set', 'setMany', 'delete', 'deleteMany']) {
      const original = Object.hasOwn(proto, method) ? proto[method] : undefined;
      if (!original) continue;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        counted.ops++;
        if (method === 'set') counted.bytes += Buffer.byteLength(String(args[1])) + Buffer.byteLength(String(args[0]));
        if (method === 'setMany') for (const e of args[0] as { key: string; value: unknown }[]) counted.bytes += Buffer.byteLength(String(e.value)) + Buffer.byteLength(e.key);
        return original.apply(this, args);
      };
    }
  }
  // The inbox on SQLite commits in groups (SqliteGroupCommit): each statement is one operation.
  const group = SqliteGroupCommit.prototype as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
  const run = group.run!;
  group.run = function (this: unknown, ...args: unknown[]) {
    counted.ops++;
    return run.apply(this, args);
  };
  const set = group.set!;
  group.set = function (this: unknown, key: unknown, value: unknown) {
    counted.bytes += Buffer.byteLength(String(value)) + Buffer.byteLength(String(key));
    return set.call(this, key, value);
  };
  // Report facts go to their own table: each write is one statement (SQLite) or one script (Redis).
  for (const table of [SqliteFactsTable, RedisFactsTable]) {
    const proto = table.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of ['putConversations', 'putPackets', 'touch']) {
      const original = proto[method]!;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        counted.ops++;
        counted.bytes += Buffer.byteLength(JSON.stringify(args[0]));
        return original.apply(this, args);
      };
    }
  }
  // On Redis a day-log slot (a CSAT ask, an answer vote) is numbered and written in one script: one round trip.
  const numbered = RedisStateAdapter.prototype.writeNumbered;
  RedisStateAdapter.prototype.writeNumbered = function (this: RedisStateAdapter<unknown>, ...args: Parameters<typeof numbered>) {
    counted.ops++;
    for (const e of args[0]) counted.bytes += Buffer.byteLength(String(e.value)) + Buffer.byteLength(e.key);
    return numbered.apply(this, args);
  };
  // A Redis lock queues in its own process first, through ProcessLocks, once per lock taken.
  const lock = ProcessLocks.prototype.run;
  ProcessLocks.prototype.run = function <T>(this: ProcessLocks, key: string, work: () => Promise<T>): Promise<T> {
    counted.locks++;
    return lock.call(this, key, work) as Promise<T>;
  };
}

const silent: Logger = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent };

/** Delivers nowhere, instantly: the bench measures the store, not Slack. */
const gateway: ChatGateway = {
  replyToCustomer: async (_ref, _message, tag) => ({ cleared: await tag.beforeSend(), sent: `${Date.now()}.${Math.random().toString().slice(2, 8)}` }),
  postPacket: async ({ platform, channel }, _packet, tag) => ({ cleared: await tag.beforeSend(), sent: { platform, channel, messageId: `${Date.now()}.000100` } }),
  updatePacket: async () => {},
  postInternal: async (_at, _text, tag) => tag.beforeSend(),
  postAlert: async (_channel, _text, tag) => tag.beforeSend(),
  findDelivered: async () => undefined,
  linkTo: async () => undefined,
};

const CHANNEL = 'C0ACME0001';
const ANSWERED = ['I forgot my password', 'How do I set up two-factor authentication (2FA)?'];
const ESCALATED = 'I want to talk to a person please';

export interface StoreCost {
  ops: number;
  locks: number;
  bytes: number;
}

export interface StoreBenchResult {
  store: 'SQLite' | 'Redis';
  perDay: number;
  answered: StoreCost;
  escalation: StoreCost;
}

/** A day that already holds `perDay` conversations, as imported facts. */
async function fillDay(stores: Stores, perDay: number, now: number): Promise<void> {
  const at = { customer: [now], thanks: [], bot: [now + 1000], staff: [] };
  await stores.facts.importFacts(
    Array.from({ length: perDay }, (_, i) => ({ key: `slack:${CHANNEL}:fill.${i}`, accountId: 'acme', createdAt: now, category: 'how_to', at })),
    [],
  );
}

let threads = 0;

async function measure(deps: CoreDeps, inbox: KeyvInbox, texts: string[], expected: 'answer' | 'escalate', start: number): Promise<StoreCost> {
  const before = { ...counted };
  const finished: Promise<void>[] = [];
  for (const [i, text] of texts.entries()) {
    const thread = `${Math.floor(start / 1000)}.${String(threads++).padStart(6, '0')}`;
    const at = start + i;
    const message = { id: thread, ref: { platform: 'slack' as const, channel: CHANNEL, thread }, text, at, author: { id: 'U_CUSTOMER', name: 'Casey', isExternal: true } };
    // The whole path: recorded in the inbox, decided, each outbox item delivered and marked, inbox cleared.
    const id = `slack:${CHANNEL}:${thread}`;
    const item = { id, lane: id, receivedAt: at, payload: message };
    await inbox.add(item);
    const outcome = await handleMessage(deps, message);
    if (outcome.kind !== 'decided' || outcome.decision.action !== expected) throw new Error(`"${text}" was not decided '${expected}': ${JSON.stringify(outcome)}`);
    // The runner marks the item as delivering before the first post (InboxItem.delivering), once per message.
    const runner = new DeliveryRunner(deps, { deadlineMs: 60_000, maxBackoffMs: 1000, beforeFirstAttempt: () => inbox.add({ ...item, delivering: true }) });
    await runner.settled(id);
    finished.push(inbox.done(id));
  }
  // Cleared items leave the inbox in batches (KeyvInbox): each batch's statement is counted when it runs.
  await Promise.all(finished);
  const per = (k: keyof StoreCost) => (counted[k] - before[k]) / texts.length;
  return { ops: per('ops'), locks: per('locks'), bytes: per('bytes') };
}

/** On `redisUri` (emptied first) or, without it, on a new SQLite file. */
export async function runStoreBench(perDay: number, redisUri?: string, messages = 200): Promise<StoreBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-store-bench-'));
  const uri = redisUri ?? `sqlite://${join(dir, 'bench.sqlite')}`;
  const stores = await openStores(uri);
  await stores.backend.redis?.flushAll();
  const inbox = await KeyvInbox.open(uri);
  try {
    const policy = parsePolicy(readFileSync('config/baton.yaml', 'utf8'), 'config/baton.yaml');
    const decider = buildDecider({ policy, kb: loadDocs('config/knowledge', silent) });
    let ids = 0;
    const now = Date.now();
    const deps: CoreDeps = {
      policy, decider, gateway, conversations: stores.conversations, escalations: stores.escalations, once: stores.once, locks: stores.locks,
      clock: { now: () => now }, log: silent, newId: () => `E-BENCH${ids++}`,
    };
    await fillDay(stores, perDay, now);
    // One message first, so the counts below are the steady state and not this process's first look at the day.
    await measure(deps, inbox, [ANSWERED[0]!], 'answer', now - 1000);
    const answered = await measure(deps, inbox, Array.from({ length: messages }, (_, i) => ANSWERED[i % ANSWERED.length]!), 'answer', now);
    const escalation = await measure(deps, inbox, Array.from({ length: messages / 4 }, () => ESCALATED), 'escalate', now + messages);
    return { store: redisUri ? 'Redis' : 'SQLite', perDay, answered, escalation };
  } finally {
    await inbox.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const row = (what: string, r: StoreBenchResult, c: StoreCost) =>
  `${r.store.padEnd(6)} | ${what.padEnd(16)} | ${String(r.perDay).padStart(17)} | ${c.ops.toFixed(1).padStart(6)} | ${c.locks.toFixed(1).padStart(5)} | ${(c.bytes / 1024).toFixed(1).padStart(13)}`;

export function formatStoreBench(results: StoreBenchResult[]): string {
  return [
    'store cost per message (counted at the Keyv store adapter; target per answered message: <= 6 operations, <= 2 locks, bytes flat with the day):',
    'store  | message          | conversations/day |    ops | locks | KB written',
    ...results.flatMap((r) => [row('answered', r, r.answered), row('escalation', r, r.escalation)]),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  instrumentStoreAdapter();
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const results: StoreBenchResult[] = [];
  for (const perDay of sizes.length ? sizes : [1000, 10_000]) results.push(await runStoreBench(perDay));
  // Several instances share Redis: the same path on a throwaway redis-server, when one is installed.
  if (spawnSync('redis-server', ['--version']).status === 0) {
    const port = await freePort();
    const redis = await startRedisServer({ port, dir: mkdtempSync(join(tmpdir(), 'baton-store-bench-redis-')) });
    try {
      for (const perDay of sizes.length ? sizes : [1000, 10_000]) results.push(await runStoreBench(perDay, `redis://127.0.0.1:${port}`));
    } finally {
      redis.kill('SIGKILL');
    }
  }
  console.log(formatStoreBench(results));
}
