import type { Decision } from '../../core/model/decision.js';
import type { Decider, DecisionInput } from '../../core/ports/decider.js';
import { ticketSchema, toDecisionInput } from './ticket.js';

/** What `baton triage` prints for one ticket: the decision in short, one JSON line. */
export interface ReplayLine {
  id: string;
  action: Decision['action'];
  category: string;
  risk: Decision['risk'];
  trigger: Decision['trigger'];
  confidence: number;
  threshold: number;
  complexity: Decision['complexity'];
  sentiment: Decision['sentiment'];
  loop: boolean;
  askings?: number;
  rule: string;
  source?: string;
  /** A clarifying question's readings, each with the decision that follows when the customer picks it. */
  readings?: ReadingLine[];
}

/** One reading a clarifying question offers, and the decision should the customer pick it. */
export interface ReadingLine {
  topic: string;
  category: string;
  label: string;
  ifPicked: Pick<ReplayLine, 'action' | 'category' | 'risk' | 'trigger' | 'confidence'> & { source?: string };
}

export type ReplayResult = { line: ReplayLine; decision: Decision } | { error: string; where: string };

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toLine(id: string, d: Decision): ReplayLine {
  return {
    id,
    action: d.action,
    category: d.category,
    risk: d.risk,
    trigger: d.trigger,
    confidence: round(d.confidence),
    threshold: round(Math.min(d.threshold, 1.01)),
    complexity: d.complexity,
    sentiment: { label: d.sentiment.label, frustration: round(d.sentiment.frustration), urgency: round(d.sentiment.urgency), distress: round(d.sentiment.distress) },
    loop: d.loop,
    ...(d.askings !== undefined ? { askings: d.askings } : {}),
    rule: d.rule,
    ...(d.answer?.citations[0] ? { source: d.answer.citations[0].id } : {}),
  };
}

/**
 * A clarifying question cannot be answered in a replay, so each reading it offers is decided as the
 * running bot would decide it once picked: whoever reads the line sees what each click would lead to.
 */
async function followUps(decider: Decider, input: DecisionInput, d: Decision): Promise<ReadingLine[]> {
  const lines: ReadingLine[] = [];
  for (const r of d.readings ?? []) {
    const { action, category, risk, trigger, confidence, source } = toLine('', await decider.decide({ ...input, reading: r.topic }));
    lines.push({ ...r, ifPicked: { action, category, risk, trigger, confidence, ...(source ? { source } : {}) } });
  }
  return lines;
}

/**
 * Replays JSONL tickets through the decider, in order; a malformed line is reported, not fatal. With
 * `clarify`, a ticket whose two best readings are close gets the clarifying question the bot would ask.
 */
export async function* replay(lines: Iterable<string>, decider: Decider, file = 'input', clarify = false): AsyncGenerator<ReplayResult> {
  let n = 0;
  for (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      yield { error: 'not valid JSON', where: `${file}:${n}` };
      continue;
    }
    const parsed = ticketSchema.safeParse(json);
    if (!parsed.success) {
      yield { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'ticket'}: ${i.message}`).join('; '), where: `${file}:${n}` };
      continue;
    }
    const input = { ...toDecisionInput(parsed.data), clarify };
    const decision = await decider.decide(input);
    const line = toLine(parsed.data.id, decision);
    yield { line: decision.action === 'clarify' ? { ...line, readings: await followUps(decider, input, decision) } : line, decision };
  }
}
