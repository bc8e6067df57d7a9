import type { FeedbackLog } from '../ports/feedback-log.js';
import { feedbackFigures, type FeedbackFigures } from './feedback-figures.js';
import { gapGroups, type GapGroup } from './gap-groups.js';
import { nearestCell, type NearestArticles } from './nearest-articles.js';
import { csvCell } from './training-export.js';

const DAY = 24 * 60 * 60 * 1000;

/** A period's answer feedback and content gaps, read together: one pass over the period's feedback log. */
export interface FeedbackReview {
  start: number;
  end: number;
  feedback: FeedbackFigures;
  gaps: GapGroup[];
}

export async function loadFeedbackReview(feedback: FeedbackLog, now: number, days: number): Promise<FeedbackReview> {
  const start = now - days * DAY;
  const facts = await feedback.list(start, now + 1);
  return { start, end: now, feedback: feedbackFigures(facts), gaps: gapGroups(facts) };
}

export const GAP_CSV_COLUMNS = ['topic', 'category', 'questions', 'no_source', 'below_threshold', 'not_helpful', 'accounts', 'example_questions', 'nearest_articles'] as const;

/**
 * One row per topic, largest first; the examples (already redacted) one per line in their cell, and the
 * nearest article of each knowledge source one per line in theirs (empty without sources).
 */
export function gapsCsv(gaps: GapGroup[], nearest: NearestArticles = () => []): string {
  const rows = gaps.map((g) =>
    [g.topic, g.category, String(g.count), String(g.noSource), String(g.belowThreshold), String(g.notHelpful), String(g.accounts), g.examples.join('\n'), nearestCell(nearest(g))].map(csvCell).join(','),
  );
  return `${[GAP_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
