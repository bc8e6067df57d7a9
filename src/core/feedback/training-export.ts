import type { Conversation } from '../conversation/conversation.js';
import { DRAFT_ACCURACY } from '../copilot/draft-figures.js';
import type { AiAccuracy, AutomationPotential, Escalation } from '../escalation/escalation.js';
import { triggerInitiator } from '../model/decision.js';
import type { Turn } from '../model/message.js';
import { redact } from './redact.js';

export interface ExportFilter {
  since: number;
  until: number;
  category?: string;
  accuracy?: AiAccuracy;
  automation?: AutomationPotential;
  /** Personal data and secrets are redacted unless this is explicitly false. */
  redact: boolean;
}

/** How a row is labelled: a close's three tags, or for an edited copilot draft only the accuracy the review gives it. */
export interface ExportLabel {
  aiAccuracy: AiAccuracy;
  rootCause?: string;
  automation?: AutomationPotential;
  note?: string;
}

/** One closed escalation, or one copilot draft a specialist edited and sent, with everything a trainer or an analyst needs. */
export interface ExportRow {
  escalation: Escalation;
  turns: Turn[];
  label: ExportLabel;
  /** An edited draft's own text, as the specialist got it to edit, beside their edit (the human resolution). */
  aiDraft?: string;
}

export const SYSTEM_PROMPT =
  'You are Baton, the support assistant of a B2B software vendor, answering customers in a shared Slack channel. ' +
  'Answer only from the knowledge you were given; when you are not sure, say so and hand over to a specialist.';

/** A closed escalation's tags; an edited draft's accuracy; nothing for anything else (a discarded draft never trains). */
function exportLabel(e: Escalation): ExportLabel | undefined {
  if (e.tags) return e.tags;
  return e.draft?.state === 'edited' ? { aiAccuracy: DRAFT_ACCURACY.edited } : undefined;
}

/** The row's label when the escalation belongs in the export the filter describes. */
export function exportLabelFor(e: Escalation, f: ExportFilter): ExportLabel | undefined {
  const label = exportLabel(e);
  if (!label || e.openedAt < f.since || e.openedAt >= f.until) return undefined;
  if (f.category && e.category !== f.category) return undefined;
  if (f.accuracy && label.aiAccuracy !== f.accuracy) return undefined;
  return !f.automation || label.automation === f.automation ? label : undefined;
}

/** The turns of the escalated matter: the whole thread up to the close, so later matters in the thread stay out. */
export function exportTurns(e: Escalation, conversation: Conversation | undefined): Turn[] {
  const end = e.resolvedAt ?? Infinity;
  return (conversation?.turns ?? []).filter((t) => t.at <= end);
}

/** What the specialist did: their replies after the handoff, then the resolution note from the close form. */
export function humanResolution(row: ExportRow): string {
  const replies = row.turns.filter((t) => t.role === 'staff' && t.at >= row.escalation.openedAt).map((t) => t.text);
  return [...replies, ...(row.label.note ? [row.label.note] : [])].join('\n\n');
}

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string; weight?: 0 | 1 };

/**
 * One line of OpenAI chat fine-tuning data. Customer turns are "user", Baton's and the specialist's
 * "assistant"; Baton's own answers are kept for context but weighted 0 unless the specialist marked
 * Baton correct, so the model learns from what the human did. Consecutive same-role turns are merged.
 * An escalation closed with no note and no staff reply has no line: without the human's answer there
 * is nothing to learn, and OpenAI's validation rejects an example that ends without one.
 */
export function toFineTuneLine(row: ExportRow, clean: (s: string) => string): string | undefined {
  const resolution = humanResolution(row);
  if (!resolution.trim()) return undefined;
  const messages: ChatMessage[] = [{ role: 'system', content: SYSTEM_PROMPT }];
  const botWeight = row.label.aiAccuracy === 'correct' ? 1 : 0;
  const push = (role: 'user' | 'assistant', content: string, weight?: 0 | 1) => {
    const last = messages.at(-1)!;
    if (last.role === role && last.weight === weight) last.content += `\n\n${content}`;
    else messages.push({ role, content, ...(weight !== undefined ? { weight } : {}) });
  };
  for (const t of row.turns.filter((t) => t.at < row.escalation.openedAt)) push(t.role === 'customer' ? 'user' : 'assistant', clean(t.text), t.role === 'bot' ? botWeight : t.role === 'staff' ? 1 : undefined);
  for (const t of row.turns.filter((t) => t.at >= row.escalation.openedAt && t.role === 'customer')) push('user', clean(t.text));
  push('assistant', clean(resolution), 1);
  return JSON.stringify({ messages });
}

export const CSV_COLUMNS = [
  'escalation_id', 'opened_at', 'account', 'category', 'trigger', 'initiator',
  'root_cause', 'ai_accuracy', 'automation_potential', 'conversation', 'human_resolution', 'ai_draft',
] as const;

/** Quoted always; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsvLine(row: ExportRow, clean: (s: string) => string): string {
  const { escalation: e, label } = row;
  const transcript = row.turns.map((t) => `${t.role === 'bot' ? 'baton' : t.role}: ${clean(t.text)}`).join('\n');
  return [
    e.id, new Date(e.openedAt).toISOString(), e.accountId, e.category, e.trigger, triggerInitiator(e.trigger),
    label.rootCause ?? '', label.aiAccuracy, label.automation ?? '', transcript, clean(humanResolution(row)), clean(row.aiDraft ?? ''),
  ].map(csvCell).join(',');
}

export interface TrainingFiles {
  /** Escalations and edited drafts exported: every one is a CSV row. */
  rows: number;
  /** Of those, copilot drafts a specialist edited and sent. */
  editedDrafts: number;
  /** Of those, closed with no note and no staff reply: in the CSV, but no fine-tuning line. */
  withoutResolution: number;
  /** Fine-tuning lines; empty when no escalation has a human resolution. */
  jsonl: string;
  csv: string;
}

export function trainingFiles(rows: ExportRow[], redactData: boolean): TrainingFiles {
  const clean = redactData ? redact : (s: string) => s;
  const lines = rows.flatMap((r) => toFineTuneLine(r, clean) ?? []);
  return {
    rows: rows.length,
    editedDrafts: rows.filter((r) => r.aiDraft !== undefined).length,
    withoutResolution: rows.length - lines.length,
    jsonl: lines.map((l) => `${l}\n`).join(''),
    csv: `${[CSV_COLUMNS.join(','), ...rows.map((r) => toCsvLine(r, clean))].join('\r\n')}\r\n`,
  };
}
