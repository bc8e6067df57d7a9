export type RiskTier = 'low' | 'medium' | 'high';
export type Level = 'low' | 'medium' | 'high';

/** `clarify`: one short question first, the two close readings as buttons (see answer/readings.ts). */
export type DecisionAction = 'answer' | 'escalate' | 'ignore' | 'clarify';

/** One reading of a question a clarifying question offers: a topic, its category, and its words for the customer. */
export interface Reading {
  topic: string;
  category: string;
  label: string;
}

/** Why an escalation happened. The first group is AI-initiated (healthy), the second customer-initiated. */
export const AI_TRIGGERS = ['low_confidence', 'high_risk', 'sentiment', 'loop', 'complexity', 'engine_error', 'guarded'] as const;
export const CUSTOMER_TRIGGERS = ['human_button', 'human_phrase'] as const;
export type AiTrigger = (typeof AI_TRIGGERS)[number];
export type CustomerTrigger = (typeof CUSTOMER_TRIGGERS)[number];
export type TriggerType = AiTrigger | CustomerTrigger;

/**
 * Why a packet is in a queue: a handoff's trigger, or `copilot`: in copilot mode Baton's answer waits
 * there as a draft for a specialist to send, edit or discard. A draft is no escalation, and no
 * escalation figure counts it (metrics/facts.ts `isHandoff`).
 */
export const COPILOT = 'copilot';
export type PacketTrigger = TriggerType | typeof COPILOT;

/** Baton opens a copilot draft itself, like an AI-initiated handoff (routing rules see `initiator: ai`). */
export function triggerInitiator(trigger: PacketTrigger): 'ai' | 'customer' {
  return (CUSTOMER_TRIGGERS as readonly string[]).includes(trigger) ? 'customer' : 'ai';
}

export interface SentimentSignal {
  label: 'negative' | 'neutral' | 'positive';
  /** Each in [0, 1]. */
  frustration: number;
  urgency: number;
  distress: number;
}

export interface Citation {
  id: string;
  /** The article and section ("Reset your password: Without email access"). */
  title: string;
  url?: string;
  /** Where the article came from (a knowledge source's id, a file): for staff views only. */
  source?: string;
  /** A staff-only (internal) article: it grounds drafts a specialist reviews, and no customer view names it. */
  internal?: true;
}

export interface DraftAnswer {
  text: string;
  citations: Citation[];
  confidence: number;
}

/** Everything the trigger matrix looked at and what it concluded. Logged once, stored with the conversation. */
export interface Decision {
  action: DecisionAction;
  category: string;
  /** The topic (intent) the knowledge base recognised, if any: content gaps are grouped by it. */
  topic?: string;
  risk: RiskTier;
  trigger: TriggerType | null;
  /** The rule of the matrix that fired, in words a lead can read. */
  rule: string;
  confidence: number;
  threshold: number;
  complexity: Level;
  sentiment: SentimentSignal;
  loop: boolean;
  /** Present when the bot has something to say (an answer, or a draft for the specialist). */
  answer?: DraftAnswer;
  /** Engine-specific evidence, e.g. the retrieval scores. Internal only. */
  reasons: string[];
  /** What the trigger matrix asked for before the confidence gate: resolve, attempt (stricter bar) or escalate. */
  matrixAction?: 'resolve' | 'attempt' | 'escalate';
  /** How many times the customer has asked this question in the thread, the latest message included. */
  askings?: number;
  /** A `clarify` decision's readings, the best first. */
  readings?: Reading[];
  /** The topic the customer picked in answer to a clarifying question, when the decision went on with it. */
  reading?: string;
}
