import { queueById } from '../conversation/accounts.js';
import type { LoopDeps } from '../deps.js';
import { TRIGGER_LABELS } from '../handoff/escalation-reason.js';
import { isHandoff } from '../metrics/facts.js';
import { findAccount } from '../onboarding/channel-directory.js';
import type { Escalation, EscalationStatus, InternalNote, Specialist } from './escalation.js';

/** How far back the inbox lists escalations: the ones a specialist may still act on or look back at. */
export const INBOX_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;
/** An unclaimed escalation this close to its due time is breaching its SLA already, as far as the team is concerned. */
export const BREACH_SOON_MS = 15 * 60 * 1000;

export const INBOX_STATUSES = ['open', 'claimed', 'closed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface InboxFilter {
  queue?: string;
  status?: InboxStatus;
  /** Claimed by the specialist looking. */
  mine?: boolean;
  /** Unclaimed and overdue, or due within BREACH_SOON_MS. */
  breaching?: boolean;
}

/** One escalation as the inbox lists it: what it is, who has it, and where its SLA stands. */
export interface InboxRow {
  escalationId: string;
  queueId: string;
  queueRole: string;
  account: string;
  category: string;
  /** Why it came to a person, as the packet says it. */
  trigger: string;
  status: InboxStatus;
  claimedBy?: Specialist;
  openedAt: number;
  dueAt: number;
  /**
   * The SLA promises a person picks it up by `dueAt`: while nobody has, the time left (negative: overdue
   * by that much); once someone did, how early (positive) or late (negative) that was.
   */
  slaMs: number;
  breaching: boolean;
  notes: InternalNote[];
}

const STATUS: Record<EscalationStatus, InboxStatus> = { open: 'open', claimed: 'claimed', resolved: 'closed' };
const ORDER: InboxStatus[] = ['open', 'claimed', 'closed'];

async function rowOf(deps: Pick<LoopDeps, 'onboarding' | 'policy'>, e: Escalation, now: number): Promise<InboxRow> {
  const status = STATUS[e.status];
  const slaMs = e.dueAt - (e.claimedAt ?? now);
  return {
    escalationId: e.id,
    queueId: e.queueId,
    queueRole: queueById(deps.policy, e.queueId)?.role ?? e.queueId,
    account: (await findAccount(deps, e.accountId))?.name ?? e.accountId,
    category: e.category,
    trigger: TRIGGER_LABELS[e.trigger],
    status,
    ...(e.claimedBy ? { claimedBy: e.claimedBy } : {}),
    openedAt: e.openedAt,
    dueAt: e.dueAt,
    slaMs,
    breaching: status === 'open' && slaMs <= BREACH_SOON_MS,
    notes: e.notes ?? [],
  };
}

function matches(row: InboxRow, filter: InboxFilter, viewer: Specialist): boolean {
  if (filter.queue && row.queueId !== filter.queue) return false;
  if (filter.status && row.status !== filter.status) return false;
  if (filter.mine && !(row.status === 'claimed' && row.claimedBy?.id === viewer.id)) return false;
  return !filter.breaching || row.breaching;
}

/**
 * A specialist's inbox: the escalations of the last 30 days from the store (copilot drafts are not
 * escalations), filtered, the open ones first by how soon they are due, then the claimed, then the closed.
 */
export async function loadInbox(deps: Pick<LoopDeps, 'clock' | 'escalations' | 'loop' | 'onboarding' | 'policy'>, viewer: Specialist, filter: InboxFilter = {}): Promise<InboxRow[]> {
  const now = deps.clock.now();
  const facts = (await deps.loop.facts.escalationsOpened(now - INBOX_LOOKBACK_MS, now + 1)).filter(isHandoff);
  const stored = await Promise.all(facts.map((f) => deps.escalations.get(f.id)));
  const rows = await Promise.all(stored.filter((e): e is Escalation => e !== undefined).map((e) => rowOf(deps, e, now)));
  return rows.filter((r) => matches(r, filter, viewer)).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.dueAt - b.dueAt);
}
