import { plainDraft } from '../copilot/draft-text.js';
import type { CoreDeps } from '../deps.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { FactsStore } from '../ports/facts-store.js';
import { exportLabelFor, exportTurns, trainingFiles, type ExportFilter, type ExportRow, type TrainingFiles } from './training-export.js';

export type ExportDeps = Pick<CoreDeps, 'escalations' | 'conversations'> & { facts: FactsStore };

/** Closed, tagged escalations and edited copilot drafts of the period that pass the filter, with their conversations; as JSONL and CSV. */
export async function loadTrainingExport(deps: ExportDeps, filter: ExportFilter): Promise<TrainingFiles> {
  const facts = await deps.facts.escalationsOpened(filter.since, filter.until);
  const ids = facts.filter((f) => (f.tags || f.draft === 'edited') && (!filter.category || f.category === filter.category)).sort((a, b) => a.openedAt - b.openedAt).map((f) => f.id);
  const rows: ExportRow[] = [];
  for (const id of ids) {
    const escalation = await deps.escalations.get(id);
    const label = escalation && exportLabelFor(escalation, filter);
    if (!escalation || !label) continue;
    const conversation = await deps.conversations.get(conversationKey(escalation.conversation));
    const draft = escalation.draft && escalation.decision.answer ? { aiDraft: plainDraft(escalation.decision.answer.text) } : {};
    rows.push({ escalation, turns: exportTurns(escalation, conversation), label, ...draft });
  }
  return trainingFiles(rows, filter.redact);
}
