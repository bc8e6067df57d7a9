import type { MatrixRule, SentimentLevel, TriagePolicy } from '../../config/triage-schema.js';
import type { Level, TriggerType } from '../model/decision.js';

export interface MatrixInput {
  complexity: Level;
  sentiment: SentimentLevel;
  loop: boolean;
}

export interface MatrixOutcome {
  action: MatrixRule['action'];
  /** The rule that fired, as a lead reads it in the audit log. */
  rule: string;
  /** For an escalating rule: the dimension that made it escalate. */
  trigger: TriggerType | null;
}

function matches(rule: MatrixRule, input: MatrixInput): boolean {
  return (
    (rule.complexity === 'any' || rule.complexity === input.complexity) &&
    (rule.sentiment === 'any' || rule.sentiment === input.sentiment) &&
    (rule.loop === 'any' || rule.loop === input.loop)
  );
}

const LOOP_WORDS = { any: '', true: 'a repeated question', false: 'a first asking' } as const;

/** The rule in words a lead reads in a packet: "trigger rule 2 (high complexity, any tone): escalate". */
export function describeRule(rule: MatrixRule, index: number): string {
  const parts = [
    rule.complexity === 'any' ? 'any complexity' : `${rule.complexity} complexity`,
    rule.sentiment === 'any' ? 'any tone' : `${rule.sentiment} tone`,
    LOOP_WORDS[String(rule.loop) as keyof typeof LOOP_WORDS],
  ].filter(Boolean);
  return `trigger rule ${index + 1} (${parts.join(', ')}): ${rule.action}`;
}

/** The most specific reason an escalating rule names: a loop first, then tone, then complexity. */
function triggerOf(rule: MatrixRule): TriggerType {
  if (rule.loop === true) return 'loop';
  if (rule.sentiment !== 'any' && rule.sentiment !== 'calm') return 'sentiment';
  return 'complexity';
}

/** First matching rule wins. A matrix with a hole fails safe: no rule means escalate. */
export function evaluateTriggerMatrix(triage: Pick<TriagePolicy, 'matrix'>, input: MatrixInput): MatrixOutcome {
  const index = triage.matrix.findIndex((r) => matches(r, input));
  const rule = triage.matrix[index];
  if (!rule) return { action: 'escalate', rule: 'no trigger rule matched, so a person decides', trigger: 'complexity' };
  return { action: rule.action, rule: describeRule(rule, index), trigger: rule.action === 'escalate' ? triggerOf(rule) : null };
}
