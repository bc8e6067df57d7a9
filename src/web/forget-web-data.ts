import type KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';
import type { Conversation } from '../core/conversation/conversation.js';
import type { Escalation } from '../core/escalation/escalation.js';
import type { CsatRecord } from '../core/ports/csat-store.js';
import type { KnowledgeEntry } from '../core/ports/knowledge.js';
import type { Locks } from '../core/ports/locks.js';
import { storeKeys, utcDay, type DayLogName } from '../infra/store/store-keys.js';

const DAY_LOGS: DayLogName[] = ['csat-day', 'feedback-day'];
const WEB = 'web:';

/** What the playground wrote to a shared store, found by key and by the platform its escalations name. */
interface Found {
  keys: string[];
  escalations: Set<string>;
  /** Its answers' delivery ids: the ids of their votes. */
  answers: Set<string>;
  /** Knowledge entries approved from its escalations. */
  approved: Set<string>;
  /** The UTC days its records were logged under (created, opened, asked, answered). */
  days: Set<string>;
}

/** The store's rows whose key is LIKE the pattern (and, for escalations, on the playground), with their values. */
class Rows {
  constructor(private readonly keyv: Keyv) {}

  private get adapter(): KeyvSqlite {
    return this.keyv.store as KeyvSqlite;
  }

  async like<T>(pattern: string, where = ''): Promise<{ key: string; value: T }[]> {
    const rows = (await this.adapter.query(`SELECT key, value FROM ${this.adapter.opts.table} WHERE key LIKE ? ${where}`, [pattern])) as { key: string; value: string }[];
    return Promise.all(rows.map(async (r) => ({ key: r.key, value: (await this.keyv.deserializeData<T>(r.value))?.value as T })));
  }
}

async function find(rows: Rows): Promise<Found> {
  const found: Found = { keys: [], escalations: new Set(), answers: new Set(), approved: new Set(), days: new Set() };
  for (const { key, value } of await rows.like<Conversation>('conv:web:%')) {
    found.keys.push(key);
    found.days.add(utcDay(value.createdAt));
    for (const t of value.turns) {
      found.days.add(utcDay(t.at));
      if (t.role === 'bot' && t.deliveryId) found.answers.add(t.deliveryId);
    }
  }
  const escalations = await rows.like<Escalation>('esc:%', `AND json_valid(value) AND json_extract(value, '$.value.conversation.platform') = 'web'`);
  for (const { key, value } of escalations) {
    found.keys.push(key, storeKeys.kbCandidate(value.id));
    found.escalations.add(value.id);
    found.days.add(utcDay(value.openedAt));
  }
  for (const { value } of await rows.like<{ escalationId: string; entry?: { id: string } }>('kb-candidate:%')) {
    if (found.escalations.has(value.escalationId) && value.entry) found.approved.add(value.entry.id);
  }
  for (const { key, value } of await rows.like<CsatRecord>('csat-record:web:%')) {
    found.keys.push(key);
    found.days.add(utcDay(value.askedAt));
  }
  // Its ratings' day pointers and its people's rating cooldowns (every playground person's id starts `web-`).
  for (const pattern of ['csat:web:%', 'csat-customer:web-%', 'onboarding:web:%']) found.keys.push(...(await rows.like(pattern)).map((r) => r.key));
  return found;
}

/** Whether a day-log record (a rating, a vote, a content gap) is the playground's. */
function webRecord(found: Found, id: string): boolean {
  return id.startsWith(WEB) || found.escalations.has(id) || found.answers.has(id) || (id.startsWith('gap:') && found.escalations.has(id.slice('gap:'.length)));
}

/** The day logs of its days without its records: its slots become marks (null, which record nothing), its rows leave the bases. */
async function forgetRecords(keyv: Keyv, rows: Rows, locks: Locks, found: Found): Promise<void> {
  for (const log of DAY_LOGS) {
    for (const day of found.days) {
      const base = storeKeys.logBase(log, day);
      // Under the lock a fold takes to rewrite the base.
      await locks.run(base, async () => {
        for (const slot of await rows.like<string>(`${storeKeys.logSlotPrefix(log, day)}%`)) {
          const [id, value] = JSON.parse(slot.value) as [string, unknown];
          if (value !== null && webRecord(found, id)) await keyv.set(slot.key, JSON.stringify([id, null]));
        }
        const raw = await keyv.get<string>(base);
        if (!raw) return;
        const records = JSON.parse(raw) as Record<string, unknown>;
        const kept = Object.entries(records).filter(([id]) => !webRecord(found, id));
        if (kept.length < Object.keys(records).length) await keyv.set(base, JSON.stringify(Object.fromEntries(kept)));
      });
    }
  }
}

/**
 * Forgets what the playground wrote to a SQLite store it shares with Slack or Teams: its conversations,
 * their escalations, ratings, votes and content gaps, and the answers approved from them (its report
 * facts live in the facts table: forgetSqliteFacts). Nothing of another platform is touched.
 */
export async function forgetWebData(keyv: Keyv, locks: Locks): Promise<void> {
  const rows = new Rows(keyv);
  const found = await find(rows);
  await forgetRecords(keyv, rows, locks, found);
  if (found.approved.size > 0) {
    await locks.run(storeKeys.kbApproved, async () => {
      const approved = (await keyv.get<KnowledgeEntry[]>(storeKeys.kbApproved)) ?? [];
      await keyv.set(storeKeys.kbApproved, approved.filter((e) => !found.approved.has(e.id)));
    });
  }
  const summaries = [...found.days].map(storeKeys.daySummary);
  await keyv.deleteMany([...found.keys, ...summaries]);
}
