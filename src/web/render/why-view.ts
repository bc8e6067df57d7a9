import type { MessageOutcome } from '../../core/conversation/handle-message.js';
import type { HumanRequestOutcome } from '../../core/conversation/request-human.js';
import { findingsUnquoted } from '../../core/guard/customer-guard.js';
import { describeTrigger } from '../../core/handoff/escalation-reason.js';
import { policyNames } from '../../core/policy/policy-names.js';
import type { Citation, Decision } from '../../core/model/decision.js';
import type { Policy } from '../../config/policy-schema.js';

/** A decision in a lead's words: the audit trail of one message, for the "Why" panel. */
export interface WhyView {
  /** One line: what Baton did. */
  outcome: string;
  decision?: {
    action: Decision['action'];
    category: string;
    risk: Decision['risk'];
    confidence: number;
    threshold: number;
    matrixAction?: Decision['matrixAction'];
    complexity: Decision['complexity'];
    sentiment: Decision['sentiment'];
    loop: boolean;
    askings?: number;
    trigger: Decision['trigger'];
    triggerText?: string;
    rule: string;
    sources: Citation[];
    reasons: string[];
  };
  escalationId?: string;
  /** Copilot mode: the answer waits as a draft for a specialist; the customer has not been answered. */
  draftWaiting?: boolean;
}

const QUIET: Record<string, string> = {
  escalated: 'Stayed quiet: a specialist has this escalation, and the message went to their thread.',
  human: 'Stayed quiet: a person from the team is in this thread.',
  bot: 'Stayed quiet.',
};

/** A topic's key in the engine's evidence: an imported tag, which can name the account it came from ("acme_sso_migration"). */
const TOPIC_KEY = /\btopic=[^\s(]+/g;
const HIDDEN = '(named in the packet)';

/**
 * The decision's labels the policy does not define: an imported helpdesk group or tag ("Initech Dedicated",
 * "initech_renewal") can name the account it came from. The longest first, so none is left half-hidden.
 */
function importedLabels(d: Decision, named: ReadonlySet<string>): string[] {
  const labels = [d.category, d.topic, d.reading, ...(d.readings ?? []).flatMap((r) => [r.topic, r.category])];
  return [...new Set(labels.filter((l): l is string => Boolean(l) && !named.has(l!)))].sort((a, b) => b.length - a.length);
}

/** A text of the decision as the customer's Why shows it: no finding's quote, no topic's key, no imported label. */
function shownBesideCustomer(text: string, imported: readonly string[]): string {
  let out = findingsUnquoted(text).replace(TOPIC_KEY, `topic=${HIDDEN}`);
  for (const label of imported) out = out.split(label).join(HIDDEN);
  return out;
}

function decisionView(d: Decision, named: ReadonlySet<string>): NonNullable<WhyView['decision']> {
  const imported = importedLabels(d, named);
  const shown = (text: string) => shownBesideCustomer(text, imported);
  return {
    action: d.action,
    category: named.has(d.category) ? d.category : HIDDEN,
    risk: d.risk,
    confidence: d.confidence,
    threshold: d.threshold,
    ...(d.matrixAction ? { matrixAction: d.matrixAction } : {}),
    complexity: d.complexity,
    sentiment: d.sentiment,
    loop: d.loop,
    ...(d.askings ? { askings: d.askings } : {}),
    trigger: d.trigger,
    ...(d.trigger ? { triggerText: shown(describeTrigger(d.trigger, d)) } : {}),
    rule: shown(d.rule),
    // The Why sits beside the customer's message in the playground: an internal article is not named there,
    // nor the sources of an answer the guard stopped, nor what the guard found in it, nor a topic's key,
    // nor a category or topic the policy does not name.
    sources: d.trigger === 'guarded' ? [] : (d.answer?.citations ?? []).filter((c) => !c.internal),
    reasons: d.reasons.map(shown),
  };
}

const ACTION_TEXT: Record<Decision['action'], string> = {
  answer: 'Answered from the knowledge base.',
  escalate: 'Handed to a specialist.',
  ignore: 'Let it pass without a reply.',
  clarify: 'Asked which of two close readings the customer meant.',
};

const COPILOT_TEXT = 'Copilot mode: the answer went to a specialist as a draft to send, edit or discard; the customer sees nothing yet.';

/** The Why of an outcome, beside the customer's message: only the policy's names for categories and topics. */
export function whyOf(outcome: MessageOutcome | HumanRequestOutcome, policy: Pick<Policy, 'categories' | 'triage'>): WhyView {
  switch (outcome.kind) {
    case 'decided':
      if (outcome.draftId) return { outcome: COPILOT_TEXT, decision: decisionView(outcome.decision, policyNames(policy)), escalationId: outcome.draftId, draftWaiting: true };
      return { outcome: ACTION_TEXT[outcome.decision.action], decision: decisionView(outcome.decision, policyNames(policy)), ...(outcome.escalationId ? { escalationId: outcome.escalationId } : {}) };
    case 'quiet':
      return { outcome: QUIET[outcome.mode] ?? QUIET.bot! };
    case 'staff':
      return { outcome: outcome.tookOver ? 'A person from the team took the thread over: Baton stays quiet here.' : 'A person from the team replied.' };
    case 'ignored':
      return { outcome: `Ignored (${outcome.reason.replace('_', ' ')}).` };
    case 'already_with_human':
      return { outcome: 'A specialist already has this conversation.' };
    default:
      return { outcome: 'Nothing to decide.' };
  }
}
