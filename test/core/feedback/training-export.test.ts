import { describe, expect, it } from 'vitest';
import { trainingFiles, type ExportRow } from '../../../src/core/feedback/training-export.js';
import type { Turn } from '../../../src/core/model/message.js';

const ref = { platform: 'slack' as const, channel: 'C0ACME0001', thread: '1.0' };

/** A closed, tagged escalation opened at 10 and closed at 50, with the close note if any. */
function closed(id: string, turns: Turn[], note?: string): ExportRow {
  const escalation = {
    id, conversation: ref, accountId: 'acme', queueId: 'support', category: 'how_to', trigger: 'low_confidence',
    status: 'resolved', openedAt: 10, dueAt: 100, resolvedAt: 50, version: 2, history: [],
    tags: { rootCause: 'missing_docs', aiAccuracy: 'off_base', automation: 'no', ...(note ? { note } : {}) },
  } as unknown as ExportRow['escalation'] & { tags: ExportRow['label'] };
  return { escalation, turns, label: escalation.tags };
}

const asked: Turn = { role: 'customer', text: 'How do I export the dashboard?', at: 5 };

describe('training export', () => {
  it('leaves an escalation closed with no note and no staff reply out of the fine-tuning file, keeps it in the CSV and counts it', () => {
    const files = trainingFiles(
      [
        closed('E-NOTE', [asked], 'Use Export > CSV.'),
        closed('E-REPLY', [asked, { role: 'staff', text: 'Workspace settings > Export all.', at: 20 }]),
        closed('E-SILENT', [asked]),
      ],
      true,
    );
    const lines = files.jsonl.trim().split('\n').map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.messages.at(-1)?.role).toBe('assistant');
    expect(files).toMatchObject({ rows: 3, withoutResolution: 1 });
    expect(files.csv).toContain('"E-SILENT"');
  });

  it('writes an empty fine-tuning file when no escalation has a resolution', () => {
    expect(trainingFiles([closed('E-SILENT', [asked])], true)).toMatchObject({ rows: 1, withoutResolution: 1, jsonl: '' });
  });
});
