import { readFileSync } from 'node:fs';

/** A labelled eval item in the triage-dev schema (single message or thread). */
export interface EvalItem {
  id: string;
  kind: 'message' | 'thread';
  text: string;
  turns?: { role: 'customer' | 'bot' | 'staff'; text: string }[];
  expected_category: string;
  /** The KB topic that answers it, when one does. */
  expected_kb_intent?: string | null;
  risk_tier: 'low' | 'medium' | 'high';
  expected_action: 'answer' | 'answer_low_threshold' | 'escalate';
  loop?: boolean;
}

export function readItems(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalItem);
}
