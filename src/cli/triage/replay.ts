import type { Decision } from '../../core/model/decision.js';
import type { Decider } from '../../core/ports/decider.js';
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

/** Replays JSONL tickets through the decider, in order; a malformed line is reported, not fatal. */
export async function* replay(lines: Iterable<string>, decider: Decider, file = 'input'): AsyncGenerator<ReplayResult> {
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
    const decision = await decider.decide(toDecisionInput(parsed.data));
    yield { line: toLine(parsed.data.id, decision), decision };
  }
}
