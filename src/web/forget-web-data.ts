import type Keyv from 'keyv';
import type { Conversation } from '../core/conversation/conversation.js';
import type { Escalation } from '../core/escalation/escalation.js';
import type { KnowledgeEntry } from '../core/ports/knowledge.js';
import type { Locks } from '../core/ports/locks.js';
import { storeKeys } from '../infra/store/store-keys.js';

/** A day log's base (`name:day`) or one of its slots (`name:day:n`). */
const DAY_LOG = /^(facts-conv-day|facts-esc-day|csat-day|feedback-day):\d{4}-\d{2}-\d{2}(:\d+)?$/;
const WEB = 'web:';
/** The playground's people all have ids of this form (playground-policy.ts). */
const WEB_PERSON = 'web-';

/** What the playground wrote, found in one pass over the store. */
interface Found {
  keys: string[];
  escalations: Set<string>;
  /** Its answers' delivery ids: the ids of their votes. */
  answers: Set<string>;
  /** Knowledge entries approved from its escalations. */
  approved: Set<string>;
}

async function* entries(keyv: Keyv): AsyncGenerator<[string, unknown]> {
  const store = keyv.store as { namespace?: string; iterator?: (namespace?: string) => AsyncIterable<[string, unknown]> };
  if (!store.iterator) return;
  for await (const [key, raw] of store.iterator(store.namespace)) {
    const data = await Promise.resolve()
      .then(() => keyv.deserializeData<unknown>(raw as string))
      .catch(() => undefined);
    yield [key, data?.value];
  }
}

/** A key that holds only the playground's data: its conversations, their ratings, holds and mappings, its people's rating cooldowns. */
function ownKey(key: string): boolean {
  const [kind, rest = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'csat-customer') return rest.startsWith(WEB_PERSON);
  return ['conv', 'csat-record', 'csat', 'onboarding'].includes(kind) && rest.startsWith(WEB);
}

async function find(keyv: Keyv): Promise<Found> {
  const found: Found = { keys: [], escalations: new Set(), answers: new Set(), approved: new Set() };
  const approvals = new Map<string, string>();
  for await (const [key, value] of entries(keyv)) {
    if (ownKey(key)) found.keys.push(key);
    if (key.startsWith('conv:web:')) for (const t of (value as Conversation).turns) if (t.role === 'bot' && t.deliveryId) found.answers.add(t.deliveryId);
    if (key.startsWith('esc:') && (value as Escalation | undefined)?.conversation?.platform === 'web') found.escalations.add((value as Escalation).id);
    const approval = value as { escalationId?: string; entry?: { id: string } } | undefined;
    if (key.startsWith('kb-candidate:') && approval?.escalationId) approvals.set(approval.escalationId, approval.entry?.id ?? '');
    // The report's classified days are rebuilt from the day logs when missing.
    if (key.startsWith('report-day:')) found.keys.push(key);
  }
  for (const id of found.escalations) {
    found.keys.push(storeKeys.escalation(id));
    if (approvals.has(id)) found.keys.push(storeKeys.kbCandidate(id));
    if (approvals.get(id)) found.approved.add(approvals.get(id)!);
  }
  return found;
}

/** Whether a day-log record (a rating, a vote, a content gap) is the playground's. */
function webRecord(found: Found, id: string): boolean {
  return id.startsWith(WEB) || found.escalations.has(id) || found.answers.has(id) || (id.startsWith('gap:') && found.escalations.has(id.slice('gap:'.length)));
}

/** The day logs without the playground's records: its slots become marks (null), its rows leave the bases. */
async function forgetRecords(keyv: Keyv, locks: Locks, found: Found): Promise<void> {
  for await (const [key, value] of entries(keyv)) {
    if (!DAY_LOG.test(key) || typeof value !== 'string') continue;
    const parsed = JSON.parse(value) as [string, unknown] | Record<string, unknown>;
    if (Array.isArray(parsed)) {
      if (parsed[1] !== null && webRecord(found, parsed[0])) await keyv.set(key, JSON.stringify([parsed[0], null]));
      continue;
    }
    // Under the lock a fold takes to rewrite the base.
    await locks.run(key, async () => {
      const base = JSON.parse((await keyv.get<string>(key)) ?? '{}') as Record<string, unknown>;
      const kept = Object.fromEntries(Object.entries(base).filter(([id]) => !webRecord(found, id)));
      if (Object.keys(kept).length < Object.keys(base).length) await keyv.set(key, JSON.stringify(kept));
    });
  }
}

/**
 * Forgets what the playground wrote to a store it shares with Slack or Teams: its conversations, their
 * escalations, ratings, votes, content gaps and report facts, and the answers approved from them.
 * Nothing of another platform is touched; the reports' classified days are rebuilt from what is left.
 */
export async function forgetWebData(keyv: Keyv, locks: Locks): Promise<void> {
  const found = await find(keyv);
  await forgetRecords(keyv, locks, found);
  if (found.approved.size > 0) {
    await locks.run(storeKeys.kbApproved, async () => {
      const approved = (await keyv.get<KnowledgeEntry[]>(storeKeys.kbApproved)) ?? [];
      await keyv.set(storeKeys.kbApproved, approved.filter((e) => !found.approved.has(e.id)));
    });
  }
  await keyv.deleteMany(found.keys);
}
