import type { DraftRow } from '../../core/copilot/draft-figures.js';
import type { DraftState } from '../../core/escalation/escalation.js';
import type { DaySummary } from '../../core/metrics/day-summary.js';
import type { EscalationPiece } from '../../core/metrics/escalation-pieces.js';
import type { CountedOutcome, Tally } from '../../core/metrics/figures.js';
import type { Piece } from '../../core/metrics/pieces.js';
import type { EscalationRow, OutcomeRow } from '../../core/metrics/outcome-rows.js';
import type { EscalationHealth, OutcomeKind } from '../../core/metrics/outcomes.js';
import type { Platform } from '../../core/model/conversation-ref.js';
import type { TriggerType } from '../../core/model/decision.js';

/**
 * A day summary as columns of small numbers: category, queue and trigger names once per day, an outcome's
 * kind and booleans packed in one integer, times relative to the row's own start. A day of ~1,400
 * conversations is a few tens of KB, and a 90-day report parses ~180 of them natively.
 */
type Opt = number | null;
interface Columns {
  computedAt: number;
  validUntil: Opt;
  names: string[];
  /**
   * Absent from summaries stored before they were added: `platform` (an index into names), before reports
   * broke figures down by it; `clarify` (asked, answered, escalated; null when none was asked); `changes`
   * (when the outcome may next differ, relative to the row's start; null for never), before a day refreshed only those rows.
   */
  conv: {
    at: number[]; category: number[]; flags: number[]; rating: Opt[]; resolutions: number[][]; platform?: number[]; clarify?: ([number, number, number] | null)[]; changes?: Opt[];
  };
  /** Absent from summaries stored before it was added: `firstResponse`, before reports timed a person's first reply. */
  esc: { at: number[]; category: number[]; queue: number[]; trigger?: number[]; due: number[]; claimed: Opt[]; firstResponse?: Opt[]; resolved: Opt[]; breached: Opt[] };
  /** Copilot drafts (state an index into names); absent from summaries stored before reports counted them. */
  draft?: { at: number[]; category: number[]; state: number[] };
  /** The conversations counted (day relative to the summary's, category and platform as names, then tallyColumns); absent before reports summed them. */
  pieces?: { zone: string; rows: number[][] };
  /** The escalations counted (queue, category and trigger as names, count, breaches, then the three lists of times); absent before reports summed them. */
  escPieces?: [queue: number, category: number, trigger: number, count: number, breaches: number, claim: number[], firstResponse: number[], resolve: number[]][];
}
/**
 * Stored as two JSON documents: what every report reads (the counts), and the rows, which only the days a
 * period starts or ends in, or whose time ran out, need; a summary stored before was one document, rows included.
 */
type Head = Omit<Columns, 'conv' | 'esc'>;
type Rows = Pick<Columns, 'conv' | 'esc'>;
export interface EncodedDaySummary {
  head: string;
  rows: string;
}

const KINDS: OutcomeKind[] = ['escalated', 'handled_by_staff', 'resolved_by_baton', 'in_progress', 'not_a_matter'];
const HEALTH: (EscalationHealth | undefined)[] = [undefined, 'healthy', 'frustrated', 'direct'];
const SETTLED = 1 << 5, FCR = 1 << 6, REOPENED = 1 << 7, JUDGED = 1 << 8, HELD = 1 << 9;

function packFlags(o: CountedOutcome): number {
  return KINDS.indexOf(o.kind) | (HEALTH.indexOf(o.escalation?.health) << 3) | (o.settled ? SETTLED : 0) | (o.fcr ? FCR : 0)
    | (o.reopened ? REOPENED : 0) | (o.held !== undefined ? JUDGED : 0) | (o.held ? HELD : 0);
}

function unpack(flags: number, category: string, resolutions: number[]): CountedOutcome {
  const health = HEALTH[(flags >> 3) & 3];
  return {
    kind: KINDS[flags & 7]!, category, resolutions, settled: (flags & SETTLED) > 0, reopened: (flags & REOPENED) > 0, fcr: (flags & FCR) > 0,
    ...(health ? { escalation: { health } } : {}),
    ...((flags & JUDGED) > 0 ? { held: (flags & HELD) > 0 } : {}),
  };
}

function tallyColumns(t: Tally): number[] {
  const { kinds: k, health: h, clarify: c } = t;
  return [t.matters, k.escalated, k.handled_by_staff, k.resolved_by_baton, k.in_progress, h.healthy, h.frustrated, h.direct,
    t.settled, t.fcr, t.everResolved, t.reopened, t.matured, t.held, t.rated, t.satisfied, t.ratingSum, c.asked, c.answered, c.escalated];
}

function tallyFrom(n: number[]): Tally {
  const [matters, escalated, handled_by_staff, resolved_by_baton, in_progress, healthy, frustrated, direct,
    settled, fcr, everResolved, reopened, matured, held, rated, satisfied, ratingSum, asked, answered, escalatedAfter] = n;
  return {
    matters: matters!, kinds: { escalated: escalated!, handled_by_staff: handled_by_staff!, resolved_by_baton: resolved_by_baton!, in_progress: in_progress! },
    health: { healthy: healthy!, frustrated: frustrated!, direct: direct! }, settled: settled!, fcr: fcr!, everResolved: everResolved!, reopened: reopened!,
    matured: matured!, held: held!, rated: rated!, satisfied: satisfied!, ratingSum: ratingSum!, clarify: { asked: asked!, answered: answered!, escalated: escalatedAfter! },
  };
}

const rel = (t: number | undefined, from: number): Opt => (t === undefined ? null : t - from);
const abs = (t: Opt | undefined, from: number) => (t === null || t === undefined ? undefined : t + from);

export function encodeDaySummary(s: DaySummary): EncodedDaySummary {
  const names: string[] = [];
  const index = new Map<string, number>();
  const name = (n: string) => {
    const known = index.get(n);
    if (known !== undefined) return known;
    index.set(n, names.push(n) - 1);
    return names.length - 1;
  };
  const conv: Required<Columns['conv']> = { at: [], category: [], flags: [], rating: [], resolutions: [], platform: [], clarify: [], changes: [] };
  for (const r of s.conversations) {
    conv.at.push(r.createdAt - s.day);
    conv.category.push(name(r.outcome.category));
    conv.flags.push(packFlags(r.outcome));
    conv.rating.push(r.rating ?? null);
    conv.resolutions.push(r.outcome.resolutions.map((t) => t - r.createdAt));
    conv.platform.push(name(r.platform ?? ''));
    conv.clarify.push(r.clarify ? [r.clarify.asked, r.clarify.answered, r.clarify.escalated] : null);
    // A row that does not tell (none should) counts as changing at once: refreshed, never trusted.
    const changesAt = r.changesAt ?? s.computedAt;
    conv.changes.push(Number.isFinite(changesAt) ? changesAt - r.createdAt : null);
  }
  const esc: Required<Columns['esc']> = { at: [], category: [], queue: [], trigger: [], due: [], claimed: [], firstResponse: [], resolved: [], breached: [] };
  for (const e of s.escalations) {
    esc.at.push(e.openedAt - s.day);
    esc.category.push(name(e.category));
    esc.queue.push(name(e.queueId));
    esc.trigger.push(name(e.trigger));
    esc.due.push(e.dueAt - e.openedAt);
    esc.claimed.push(rel(e.claimedAt, e.openedAt));
    esc.firstResponse.push(rel(e.firstResponseAt, e.openedAt));
    esc.resolved.push(rel(e.resolvedAt, e.openedAt));
    esc.breached.push(rel(e.breachedAt, e.openedAt));
  }
  const draft: Required<Columns>['draft'] = { at: [], category: [], state: [] };
  for (const d of s.drafts) {
    draft.at.push(d.openedAt - s.day);
    draft.category.push(name(d.category));
    draft.state.push(name(d.state));
  }
  const pieces = { zone: s.zone, rows: s.pieces.map((p) => [p.day - s.day, name(p.category), name(p.platform ?? ''), ...tallyColumns(p.tally)]) };
  const escPieces: Columns['escPieces'] = s.escalationPieces.map((p) => [name(p.queueId), name(p.category), name(p.trigger), p.count, p.breaches, p.claim, p.firstResponse, p.resolve]);
  const head: Head = { computedAt: s.computedAt, validUntil: Number.isFinite(s.validUntil) ? s.validUntil : null, names, draft, pieces, escPieces };
  const rows: Rows = { conv, esc };
  return { head: JSON.stringify(head), rows: JSON.stringify(rows) };
}

function conversationRows(day: number, c: Columns['conv'], names: string[]): OutcomeRow[] {
  return c.at.map((at, i) => {
    const createdAt = day + at;
    const rating = c.rating[i];
    const outcome = unpack(c.flags[i]!, names[c.category[i]!]!, c.resolutions[i]!.map((t) => t + createdAt));
    const platform = names[c.platform?.[i] ?? -1] as Platform | '' | undefined;
    const clarify = c.clarify?.[i];
    const changes = c.changes?.[i];
    return {
      outcome, createdAt, ...(changes !== undefined ? { changesAt: changes === null ? Infinity : createdAt + changes } : {}), ...(rating !== null && rating !== undefined ? { rating } : {}), ...(platform ? { platform } : {}),
      ...(clarify ? { clarify: { asked: clarify[0], answered: clarify[1], escalated: clarify[2] } } : {}),
    };
  });
}

function escalationRows(day: number, e: Required<Columns['esc']>, names: string[]): EscalationRow[] {
  return e.at.map((at, i) => {
    const openedAt = day + at;
    const claimedAt = abs(e.claimed[i], openedAt), resolvedAt = abs(e.resolved[i], openedAt), breachedAt = abs(e.breached[i], openedAt);
    const firstResponseAt = abs(e.firstResponse[i], openedAt);
    return {
      openedAt, category: names[e.category[i]!]!, queueId: names[e.queue[i]!]!, trigger: names[e.trigger[i]!] as TriggerType, dueAt: openedAt + e.due[i]!,
      ...(claimedAt !== undefined ? { claimedAt } : {}),
      ...(firstResponseAt !== undefined ? { firstResponseAt } : {}),
      ...(resolvedAt !== undefined ? { resolvedAt } : {}),
      ...(breachedAt !== undefined ? { breachedAt } : {}),
    };
  });
}

function draftRows(day: number, d: Required<Columns>['draft'], names: string[]): DraftRow[] {
  return d.at.map((at, i) => ({ openedAt: day + at, category: names[d.category[i]!]!, state: names[d.state[i]!] as DraftState }));
}

function pieces(day: number, rows: number[][], names: string[]): Piece[] {
  return rows.map(([at, category, platform, ...tally]) => {
    const p = names[platform!] as Platform | '';
    return { day: day + at!, category: names[category!]!, ...(p ? { platform: p } : {}), tally: tallyFrom(tally) };
  });
}

function escalationPieces(rows: NonNullable<Columns['escPieces']>, names: string[]): EscalationPiece[] {
  return rows.map(([queue, category, trigger, count, breaches, claim, firstResponse, resolve]) => ({
    queueId: names[queue]!, category: names[category]!, trigger: names[trigger] as TriggerType, count, breaches, claim, firstResponse, resolve,
  }));
}

/**
 * A summary stored before escalations kept their trigger and first response, conversations their platform, drafts were
 * counted, or conversations and escalations were summed in pieces, decodes as expired, so the next report rebuilds it.
 * Its conversation and escalation rows are parsed and decoded only when read; read without `rows` (and stored apart
 * from its head), reading them is a programming error: the caller asked the store for the counts only.
 */
export function decodeDaySummary(day: number, head: string, rows?: string): DaySummary {
  const c = JSON.parse(head) as Head & Partial<Rows>;
  let parsed: Rows | undefined = c.conv && c.esc ? (c as Columns) : undefined;
  const rowColumns = () => {
    if (rows === undefined && !parsed) throw new Error(`the rows of report day ${new Date(day).toISOString().slice(0, 10)} were not read`);
    parsed ??= JSON.parse(rows!) as Rows;
    return parsed;
  };
  const complete = (esc: Columns['esc']) => (esc.trigger && esc.firstResponse ? (esc as Required<Columns['esc']>) : undefined);
  const current = (!c.esc || (complete(c.esc) && c.conv?.platform)) && c.draft && c.pieces && c.escPieces;
  let conversations: OutcomeRow[] | undefined;
  let escalations: EscalationRow[] | undefined;
  return {
    day, computedAt: c.computedAt, validUntil: current ? (c.validUntil ?? Infinity) : c.computedAt,
    get conversations() {
      conversations ??= conversationRows(day, rowColumns().conv, c.names);
      return conversations;
    },
    zone: c.pieces?.zone ?? '', pieces: c.pieces ? pieces(day, c.pieces.rows, c.names) : [],
    get escalations() {
      const esc = complete(rowColumns().esc);
      escalations ??= esc ? escalationRows(day, esc, c.names) : [];
      return escalations;
    },
    escalationPieces: c.escPieces ? escalationPieces(c.escPieces, c.names) : [],
    drafts: c.draft ? draftRows(day, c.draft, c.names) : [],
  };
}
