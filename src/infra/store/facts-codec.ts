import type { ConversationFacts, PacketFacts } from '../../core/metrics/facts.js';

/**
 * Facts as positional tuples with times relative to the record's own start: about a third of the
 * bytes of the objects, which is most of what a 90-day report spends (parsing) at 100k escalations.
 */
type Times = number[];
export type ConversationTuple = [
  key: string, account: string, createdAt: number, category: string | null, customer: Times, thanks: Times, bot: Times, staff: Times,
  /** Clarifying questions asked, then answered, then escalated; absent when none was asked. */
  clarify?: [number, number, number],
];
export type EscalationTuple = [
  id: string, conversation: string, account: string, queue: string, category: string, trigger: string, status: string,
  openedAt: number, due: number, claimed: number | null, resolved: number | null, nudged: number | null, breached: number | null,
  tags: [string, string, string, 0 | 1] | null,
  /** A copilot draft's review state; absent on escalations (and on every tuple written before drafts). */
  draft?: string | null,
  /** A person's first words to the customer; absent until there were some (and on tuples written before they were kept). */
  firstResponse?: number | null,
];

const rel = (t: number | undefined, from: number) => (t === undefined ? null : t - from);
const abs = (t: number | null, from: number) => (t === null ? undefined : t + from);
const opt = <K extends string>(key: K, v: number | undefined) => (v === undefined ? {} : ({ [key]: v } as Record<K, number>));

export function encodeConversation(f: ConversationFacts): ConversationTuple {
  const r = (ts: Times) => ts.map((t) => t - f.createdAt);
  const tuple: ConversationTuple = [f.key, f.accountId, f.createdAt, f.category ?? null, r(f.at.customer), r(f.at.thanks), r(f.at.bot), r(f.at.staff)];
  if (f.clarify) tuple.push([f.clarify.asked, f.clarify.answered, f.clarify.escalated]);
  return tuple;
}

export function decodeConversation(t: ConversationTuple): ConversationFacts {
  const [key, accountId, createdAt, category, customer, thanks, bot, staff, clarify] = t;
  const a = (ts: Times) => ts.map((x) => x + createdAt);
  return {
    key, accountId, createdAt, ...(category ? { category } : {}), at: { customer: a(customer), thanks: a(thanks), bot: a(bot), staff: a(staff) },
    ...(clarify ? { clarify: { asked: clarify[0], answered: clarify[1], escalated: clarify[2] } } : {}),
  };
}

export function encodeEscalation(f: PacketFacts): EscalationTuple {
  const o = f.openedAt;
  const tags = f.tags ? ([f.tags.rootCause, f.tags.aiAccuracy, f.tags.automation, f.tags.hasNote ? 1 : 0] as [string, string, string, 0 | 1]) : null;
  const tuple: EscalationTuple = [
    f.id, f.conversationKey, f.accountId, f.queueId, f.category, f.trigger, f.status, o, f.dueAt - o,
    rel(f.claimedAt, o), rel(f.resolvedAt, o), rel(f.nudgedAt, o), rel(f.breachedAt, o), tags,
  ];
  if (f.draft) tuple[14] = f.draft;
  if (f.firstResponseAt !== undefined) [tuple[14], tuple[15]] = [f.draft ?? null, rel(f.firstResponseAt, o)];
  return tuple;
}

export function decodeEscalation(t: EscalationTuple): PacketFacts {
  const [id, conversationKey, accountId, queueId, category, trigger, status, o, due, claimed, resolved, nudged, breached, tags, draft, firstResponse] = t;
  return {
    id, conversationKey, accountId, queueId, category,
    trigger: trigger as PacketFacts['trigger'],
    status: status as PacketFacts['status'],
    ...(draft ? { draft: draft as NonNullable<PacketFacts['draft']> } : {}),
    openedAt: o,
    dueAt: o + due,
    ...opt('claimedAt', abs(claimed, o)),
    ...opt('firstResponseAt', abs(firstResponse ?? null, o)),
    ...opt('resolvedAt', abs(resolved, o)),
    ...opt('nudgedAt', abs(nudged, o)),
    ...opt('breachedAt', abs(breached, o)),
    ...(tags ? { tags: { rootCause: tags[0], aiAccuracy: tags[1] as never, automation: tags[2] as never, hasNote: tags[3] === 1 } } : {}),
  };
}
