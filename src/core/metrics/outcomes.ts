import type { Policy } from '../../config/policy-schema.js';
import { triggerInitiator, type TriggerType } from '../model/decision.js';
import type { ConversationFacts, EscalationFacts } from './facts.js';

/**
 * The outcome definitions, in one place (docs/reports.md, "Outcomes", says the same in words). Every conversation
 * gets exactly one kind, so the kinds' rates add up to 100% of matters:
 * - escalated: at least one escalation, whoever or whatever started it;
 * - handled_by_staff: no escalation, but a staff member replied in the thread;
 * - resolved_by_baton: only Baton answered, and the customer confirmed or went quiet afterwards;
 * - in_progress: Baton answered and the customer has neither confirmed nor been quiet long enough;
 * - not_a_matter: smalltalk only (no decision other than "ignore"), or no customer message at all; left out of every rate.
 */
export type OutcomeKind = 'escalated' | 'handled_by_staff' | 'resolved_by_baton' | 'in_progress' | 'not_a_matter';

/** Healthy: Baton handed over on its own. Frustrated: the customer escaped after a Baton answer. Direct: asked for a person first. */
export type EscalationHealth = 'healthy' | 'frustrated' | 'direct';

export interface OutcomeRules {
  quietAfterMs: number;
  reopenWindowMs: number;
  heldMs: number;
}

export interface ConversationOutcome {
  kind: OutcomeKind;
  category: string;
  escalation?: { trigger: TriggerType; initiator: 'ai' | 'customer'; health: EscalationHealth };
  /** Every moment the matter counted as resolved, oldest first. */
  resolutions: number[];
  /** The latest resolution stands: nothing substantive from the customer after it and no escalation still open. */
  settled: boolean;
  /** The customer came back within the reopen window of some resolution. */
  reopened: boolean;
  /** Settled without ever being reopened: resolved on the first contact. */
  fcr: boolean;
  /** The latest resolution saw no comeback for the held period; undefined until that period has passed. */
  held?: boolean;
  /**
   * The next moment this outcome can change on the same facts (a quiet or held period running out);
   * Infinity when nothing is pending. Stored day summaries stay valid until then.
   */
  changesAt: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function outcomeRules(policy: Pick<Policy, 'outcomes'>): OutcomeRules {
  const o = policy.outcomes;
  return { quietAfterMs: o.quiet_after_minutes * MINUTE, reopenWindowMs: o.reopen_window_days * DAY, heldMs: o.held_days * DAY };
}

const firstAfter = (list: number[], t: number) => list.find((x) => x > t);

/** A Baton answer resolves when the customer thanks before asking again, or stays quiet (and nobody escalates) for the quiet period. */
function batonResolutions(c: ConversationFacts, escalations: EscalationFacts[], now: number, rules: OutcomeRules): number[] {
  const found = new Set<number>();
  for (const answeredAt of c.at.bot) {
    const nextAsk = firstAfter(c.at.customer, answeredAt) ?? Infinity;
    const nextEscalation = firstAfter(escalations.map((e) => e.openedAt), answeredAt) ?? Infinity;
    const interrupted = Math.min(nextAsk, nextEscalation);
    const thanks = firstAfter(c.at.thanks, answeredAt);
    if (thanks !== undefined && thanks < interrupted) found.add(thanks);
    else if (answeredAt + rules.quietAfterMs <= Math.min(now, interrupted)) found.add(answeredAt + rules.quietAfterMs);
  }
  return [...found];
}

/** Coming back = a substantive customer message or a new escalation, inside the window. */
function cameBack(c: ConversationFacts, escalations: EscalationFacts[], from: number, until: number): boolean {
  const inWindow = (t: number) => t > from && t <= until;
  return c.at.customer.some(inWindow) || escalations.some((e) => inWindow(e.openedAt));
}

function health(trigger: TriggerType, botAnswersBefore: number): EscalationHealth {
  if (triggerInitiator(trigger) === 'ai') return 'healthy';
  return botAnswersBefore > 0 ? 'frustrated' : 'direct';
}

function kindOf(c: ConversationFacts, escalations: EscalationFacts[], settled: boolean): OutcomeKind {
  if (escalations.length > 0) return 'escalated';
  // A thread only staff wrote in (an announcement nobody answered) is nobody's support matter.
  if (c.at.customer.length === 0 && c.at.thanks.length === 0) return 'not_a_matter';
  if (c.at.staff.length > 0) return 'handled_by_staff';
  if (c.at.bot.length === 0) return c.category ? 'in_progress' : 'not_a_matter';
  return settled ? 'resolved_by_baton' : 'in_progress';
}

/**
 * Only two things depend on `now`: a Baton answer resolving once the quiet period passes, and the held
 * verdict once the held period passes after the latest standing resolution. A quiet period running out
 * can move the latest resolution, but it is itself the earlier of the two moments.
 */
function pendingUntil(c: ConversationFacts, standing: number | undefined, now: number, rules: OutcomeRules): number {
  let next = standing !== undefined && standing + rules.heldMs > now ? standing + rules.heldMs : Infinity;
  for (const answeredAt of c.at.bot) if (answeredAt + rules.quietAfterMs > now) next = Math.min(next, answeredAt + rules.quietAfterMs);
  return next;
}

/** Classifies one conversation from its facts and those of its escalations, as of `now`. Pure. */
export function classifyConversation(
  c: ConversationFacts,
  escalationsOfConversation: EscalationFacts[],
  now: number,
  rules: OutcomeRules,
): ConversationOutcome {
  const escalations = [...escalationsOfConversation].sort((a, b) => a.openedAt - b.openedAt);
  const closes = escalations.flatMap((e) => (e.resolvedAt !== undefined ? [e.resolvedAt] : []));
  const resolutions = [...batonResolutions(c, escalations, now, rules), ...closes].sort((a, b) => a - b);
  const last = resolutions.at(-1);
  const stillOpen = escalations.some((e) => e.resolvedAt === undefined);
  const settled = last !== undefined && !stillOpen && !cameBack(c, escalations, last, Infinity);
  const reopened = resolutions.some((r) => cameBack(c, escalations, r, r + rules.reopenWindowMs));
  const first = escalations[0];
  const category = first?.category ?? c.category ?? 'unknown';
  const changesAt = pendingUntil(c, last !== undefined && !stillOpen ? last : undefined, now, rules);
  const outcome: ConversationOutcome = { kind: kindOf(c, escalations, settled), category, resolutions, settled, reopened, fcr: settled && !reopened, changesAt };
  if (first) {
    const before = c.at.bot.filter((t) => t < first.openedAt).length;
    outcome.escalation = { trigger: first.trigger, initiator: triggerInitiator(first.trigger), health: health(first.trigger, before) };
  }
  if (last !== undefined && !stillOpen && now >= last + rules.heldMs) outcome.held = !cameBack(c, escalations, last, last + rules.heldMs);
  return outcome;
}
