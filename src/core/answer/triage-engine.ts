import type { Policy } from '../../config/policy-schema.js';
import type { Decision, DraftAnswer, RiskTier, SentimentSignal, TriggerType } from '../model/decision.js';
import type { Decider, DecisionInput } from '../ports/decider.js';
import type { KnowledgeEntry, TeamArticles } from '../ports/knowledge.js';
import type { Llm } from '../ports/llm.js';
import { evaluateTriggerMatrix, type MatrixOutcome } from '../policy/trigger-matrix.js';
import { answerThreshold, neverAutonomous, sentimentLevel } from '../policy/thresholds.js';
import { assessComplexity } from '../triage/complexity.js';
import { gatherEvidence, type Evidence, type KnowledgeReader } from '../triage/evidence.js';
import { HumanRequestDetector } from '../triage/human-request.js';
import { detectLoop } from '../triage/loop-detector.js';
import { SentimentAnalyzer } from '../triage/sentiment.js';
import { contentTerms } from '../triage/text-terms.js';
import { guardCustomerText } from '../guard/customer-guard.js';
import { APPROVED_TITLE } from '../suggest/approve-answer.js';
import { unknownTopicTier } from '../policy/unknown-topics.js';
import { policyNames } from '../policy/policy-names.js';
import { alreadySaid, answerSources, extractiveAnswer, topicReference, type Sourced } from './extractive-answer.js';
import { draftWithLlm } from './llm-answer.js';
import { teamArticles } from './team-articles.js';
import { closeReadings, withReading } from './readings.js';

export interface TriageEngineDeps {
  policy: Policy;
  /** The retrieval index and the topic classifier over the same knowledge. */
  kb: KnowledgeReader;
  /** Optional: with a model Baton drafts grounded answers; without, it quotes the best resolution. */
  llm?: Llm;
  /**
   * A replay of past tickets (`baton triage`, `baton calibrate`): a confident match on a topic whose
   * tickets were imported without a resolution counts as answered. The running bot hands it over instead.
   */
  replay?: boolean;
}

/** The signals every decision records, whatever it concludes. */
interface Signals {
  evidence: Evidence;
  risk: RiskTier;
  sentiment: SentimentSignal;
  loop: boolean;
  askings: number;
  /** The reading the customer picked, when it still is one of the message's. */
  reading?: string;
}

/** The triage brain, and the staff reading of a question a packet lists articles from. */
export type TriageEngine = Decider & TeamArticles;

/** Signals -> trigger matrix -> confidence gate -> answer or escalate. Pure apart from the optional LLM call. */
export function createTriageEngine(deps: TriageEngineDeps): TriageEngine {
  const { policy, kb, llm } = deps;
  const index = kb.index;
  const triage = policy.triage;
  const riskOf = unknownTopicTier(policy);
  const named = policyNames(policy);
  const sentiment = new SentimentAnalyzer(triage.sentiment);
  const human = new HumanRequestDetector(triage.human_request);
  const read = (text: string, input: Pick<DecisionInput, 'accountId' | 'audience'>) => gatherEvidence(kb, text, input.accountId, triage, riskOf, input.audience ?? 'customer');

  function signals(input: DecisionInput): Signals {
    const read0 = read(input.text, input);
    const picked = input.reading === undefined ? undefined : withReading(read0, input.reading);
    const evidence = picked ?? read0;
    const loop = detectLoop(input.text, evidence, input.history, (t) => read(t, input), {
      loopAfter: triage.loop_after,
      wording: triage.loop_similarity,
      topics: triage.loop_topic_overlap,
    });
    const signals = { evidence, risk: tierOf(evidence), sentiment: sentiment.analyze(input.text, input.history), loop: loop.loop, askings: loop.askings };
    return picked ? { ...signals, reading: input.reading! } : signals;
  }

  /**
   * The recognised topic's own tier first (account deletion is high within cancellation), else its
   * category's; a category the policy does not list takes the tier for unknown topics (fail closed).
   */
  function tierOf(e: Evidence): RiskTier {
    return e.highRiskShare >= triage.high_risk_share ? 'high' : (e.tier ?? riskOf(e.category));
  }

  /**
   * A request for a person that names its subject ("a human about a data breach we suspect") keeps that
   * subject's category and tier, so it is routed to the queue and urgency of the subject.
   */
  function aboutWhat(s: Signals, about: string, input: DecisionInput): Signals {
    if (contentTerms(about).length < 2) return s;
    const evidence = read(about, input);
    return evidence.category === triage.unknown_category ? s : { ...s, evidence, risk: tierOf(evidence) };
  }

  function decision(s: Signals, part: Partial<Decision> & Pick<Decision, 'action' | 'trigger' | 'rule'>): Decision {
    const e = s.evidence;
    return {
      category: e.category,
      ...(e.topic ? { topic: e.topic } : {}),
      risk: s.risk,
      confidence: 0,
      threshold: 0,
      complexity: assessComplexity(triage, e),
      sentiment: s.sentiment,
      loop: s.loop,
      askings: s.askings,
      ...(s.reading !== undefined ? { reading: s.reading } : {}),
      ...part,
      reasons: [
        `best=${e.best.toFixed(2)} category=${e.category}(${e.categoryShare.toFixed(2)}) topic=${e.topic ?? '-'}(${e.topicShare.toFixed(2)})`,
        `needs_human_share=${e.humanShare.toFixed(2)} high_risk_share=${e.highRiskShare.toFixed(2)}`,
        ...(part.reasons ?? []),
      ],
    };
  }

  /** What the policy says before any answer is drafted: topics a person always takes, and out of scope. */
  function policyRule(s: Signals, input: DecisionInput): { trigger: TriggerType; rule: string } | undefined {
    const e = s.evidence;
    const topic = kb.topics?.find(e.topic);
    if (topic?.alwaysEscalate) return { trigger: 'high_risk', rule: `topic ${topic.name} always goes to a person (policy)` };
    const share = e.escalateShare / Math.max(e.categoryShare, e.escalateShare, 1e-9);
    if (share >= triage.escalate_share) return { trigger: 'high_risk', rule: `may be a topic that always goes to a person (${share.toFixed(2)} of its category)` };
    // An approved resolution filed under the unknown category still answers its own question.
    const quotable = answerSources(e, index, input.accountId, 1, { audience: input.audience ?? 'customer' }).length > 0;
    if (e.category === triage.unknown_category && !quotable) return { trigger: 'low_confidence', rule: `out of scope (${e.category}): nothing in the knowledge answers it` };
    return undefined;
  }

  // The rule named here says why; the matrix rule in `extra` (gate's base) must not replace it.
  const escalate = (s: Signals, trigger: TriggerType, rule: string, extra: Partial<Decision> = {}) =>
    decision(s, { action: 'escalate', trigger, ...extra, rule });

  /** The last look at a text before it reaches the customer who asked. */
  const guard = (input: DecisionInput, text: string, sources: readonly KnowledgeEntry[]) =>
    // The message being answered is part of the conversation: a name the customer just gave is theirs to hear.
    guardCustomerText(text, { accountId: input.accountId, accounts: [...policy.accounts, ...(input.knownAccounts ?? [])], history: [...input.history, { role: 'customer', text: input.text, at: 0 }], sources });

  /** Whether a title a customer reads (a source's, a clarifying button's) would pass the guard as a text of its own. */
  const titleShown = (input: DecisionInput, title: string) => guard(input, title, []).ok;

  /**
   * The answer's sources as the customer reads them: an imported title that names another account or a
   * person (a helpdesk tag such as "acme_sso_migration") gives way to a neutral one. The vendor's docs keep theirs.
   */
  function shownCitations(input: DecisionInput, answer: DraftAnswer, sources: readonly KnowledgeEntry[]): DraftAnswer {
    const vendors = new Set(sources.filter((e) => e.kind === 'doc').map((e) => e.id));
    return { ...answer, citations: answer.citations.map((c) => (vendors.has(c.id) || titleShown(input, c.title) ? c : { ...c, title: APPROVED_TITLE })) };
  }

  async function draft(input: DecisionInput, e: Evidence): Promise<Partial<Sourced> & { reason: string }> {
    if (!llm || input.withoutModel) {
      const sendable = (entry: KnowledgeEntry) => guard(input, entry.answer!.trim(), [entry]).ok;
      const quoted = extractiveAnswer(e, index, input.accountId, { audience: input.audience ?? 'customer', given: alreadySaid(input.history) }, sendable);
      if (quoted) return { ...quoted, reason: 'extractive answer from the best resolution' };
      const stand = deps.replay ? topicReference(e, index, input.accountId) : undefined;
      return stand ? { answer: stand, reason: 'replay: the topic was resolved before; its resolution text is not imported' } : { reason: 'no quotable resolution not given yet' };
    }
    return draftWithLlm(llm, index, input, e);
  }

  async function gate(input: DecisionInput, s: Signals, m: MatrixOutcome): Promise<Decision> {
    const threshold = answerThreshold(triage, s.risk, m.action);
    const base = { rule: m.rule, threshold, matrixAction: m.action };
    if (neverAutonomous(threshold)) return escalate(s, 'high_risk', `${m.rule}; ${s.risk} risk is never answered autonomously`, base);
    let drafted: Awaited<ReturnType<typeof draft>>;
    try {
      drafted = await draft(input, s.evidence);
    } catch (err) {
      return escalate(s, 'engine_error', `${m.rule}; answer engine failed`, { ...base, reasons: [`llm error: ${(err as Error).message}`] });
    }
    const { answer, reason } = drafted;
    const confidence = answer?.confidence ?? 0;
    if (!answer || confidence < threshold) {
      const extra = { ...base, confidence, ...(answer ? { answer } : {}), reasons: [reason] };
      const short = `confidence ${confidence.toFixed(2)} below ${threshold.toFixed(2)}`;
      // Asked again with nothing better to say: that the customer is repeating themselves is what a person
      // needs to hear first, whatever the confidence (the loop trigger's own count comes later, at loop_after).
      if (s.askings >= 2) return escalate({ ...s, loop: true }, 'loop', `${m.rule}; the customer is asking again (${s.askings} times) and ${short}`, extra);
      return escalate(s, 'low_confidence', `${m.rule}; ${short}`, extra);
    }
    const checked = guard(input, answer.text, drafted.sources ?? []);
    if (checked.ok) return decision(s, { action: 'answer', trigger: null, ...base, confidence, answer: shownCitations(input, answer, drafted.sources ?? []), reasons: [reason] });
    const stopped = `the answer was stopped before it reached the customer: it ${checked.reasons.join('; it ')}`;
    const found = { ...base, rule: `${m.rule}; ${stopped}`, confidence, answer, reasons: [reason, stopped] };
    // A copilot draft goes to a specialist anyway: it goes with what the guard found.
    return input.audience === 'staff' ? decision(s, { action: 'answer', trigger: null, ...found }) : escalate(s, 'guarded', found.rule, found);
  }

  /**
   * Two close readings that would be decided differently: one short question first. Never when the
   * answer could not be autonomous anyway (high risk), nor once the customer picked a reading.
   */
  function clarification(input: DecisionInput, s: Signals, m: MatrixOutcome): Decision | undefined {
    if (!input.clarify || s.reading !== undefined) return undefined;
    const threshold = answerThreshold(triage, s.risk, m.action);
    if (neverAutonomous(threshold)) return undefined;
    const readings = closeReadings(s.evidence, triage, index, input.accountId, named);
    // A button would read another account's or a person's name: no question, the answer as without one.
    if (!readings?.every((r) => titleShown(input, r.label))) return undefined;
    const [a, b] = s.evidence.readings;
    const rule = `${m.rule}; two close readings: ${a!.topic} (${a!.share.toFixed(2)}) or ${b!.topic} (${b!.share.toFixed(2)})`;
    return decision(s, { action: 'clarify', trigger: null, rule, threshold, matrixAction: m.action, readings });
  }

  return {
    async decide(input: DecisionInput): Promise<Decision> {
      const s = signals(input);
      if (input.humanButton) return escalate(s, 'human_button', 'customer pressed the talk-to-a-person button');
      const request = human.read(input.text);
      if (request.asked) return escalate(aboutWhat(s, request.about, input), 'human_phrase', 'customer asked for a person');
      const level = sentimentLevel(triage, s.sentiment);
      const complexity = assessComplexity(triage, s.evidence);
      const m = evaluateTriggerMatrix(triage, { complexity, sentiment: level, loop: s.loop });
      if (m.action === 'escalate') return escalate(s, m.trigger ?? 'complexity', m.rule, { matrixAction: m.action });
      if (triage.smalltalk.categories.includes(s.evidence.category)) {
        return decision(s, { action: 'ignore', trigger: null, rule: `smalltalk (${s.evidence.category}): not a question`, confidence: s.evidence.categoryShare });
      }
      const ruled = policyRule(s, input);
      if (ruled) return escalate(s, ruled.trigger, ruled.rule, { matrixAction: m.action });
      if (input.signalsOnly) return decision(s, { action: 'ignore', trigger: null, rule: `${m.rule}; signals only, nothing drafted`, matrixAction: m.action });
      return clarification(input, s, m) ?? gate(input, s, m);
    },
    // The decision's own evidence search, read as staff: remembered per message like a decision's.
    articlesFor(question: string, accountId: string, limit: number) {
      return teamArticles(read(question, { accountId, audience: 'staff' }), triage.unknown_below, limit);
    },
  };
}
