import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/metrics/report.js';
import { renderReportBlocks } from '../../../src/slack/render/report-blocks.js';
import { renderReviewBlocks } from '../../../src/slack/render/review-blocks.js';
import type { ReviewView } from '../../../src/core/feedback/weekly-review.js';
import { feedbackFigures } from '../../../src/core/feedback/feedback-figures.js';
import { conversation, DAY, escalation, RULES, T0 } from './outcome-fixtures.js';

describe('counts in what leads read', () => {
  it('says "1 conversation", "1 rating" and "1 SLA breach" in the report', () => {
    const c = conversation([[0, 'customer']]);
    const report = buildReport(
      {
        conversations: [c],
        escalations: [escalation('human_button', 1, { conversationKey: c.key, resolvedMin: 600 })],
        csat: [{ conversationKey: c.key, ref: { platform: 'slack', channel: 'C1', thread: '1.0' }, subject: 'escalation', askedAt: T0 + 700 * 60_000, customers: ['U1'], rating: 5 }],
      },
      { days: 7 },
      T0 + DAY,
      RULES,
    );
    const text = JSON.stringify(renderReportBlocks(report));
    for (const said of ['of 1 conversation', 'of 1 rating', '1 SLA breach']) expect(text).toContain(said);
    for (const wrong of ['1 conversations', '1 ratings', '1 SLA breaches']) expect(text).not.toContain(wrong);
  });

  it('says "1 escalation" and "1 more candidate" in the review', () => {
    const review: ReviewView = { start: 0, end: DAY, tagged: 1, drafts: { current: { offered: 0, sent: 0, edited: 0, discarded: 0, waiting: 0 }, byCategory: [] }, byRootCause: [], byAccuracy: [], byAutomation: [], candidates: [], moreCandidates: 1, feedback: feedbackFigures([]), gaps: [] };
    const text = JSON.stringify(renderReviewBlocks(review));
    expect(text).toContain('*1 escalation* closed and tagged this week.');
    expect(text).toContain('1 more candidate; approve these first.');
  });
});
