import { describe, expect, it } from 'vitest';
import { decodeDaySummary, encodeDaySummary } from '../../../src/infra/store/day-summary-codec.js';
import { summarizeDays, dayStart } from '../../../src/core/metrics/day-summary.js';
import { buildReport, reportFromRows } from '../../../src/core/metrics/report.js';
import { renderReportBlocks } from '../../../src/slack/render/report-blocks.js';
import { conversation, DAY, escalation, RULES, T0 } from './outcome-fixtures.js';

const slackAnswered = conversation([[0, 'customer'], [1, 'bot']], { key: 'slack:C1:1.0' });
const slackEscalated = conversation([[0, 'customer']], { key: 'slack:C1:2.0' });
const teamsAnswered = conversation([[0, 'customer'], [1, 'bot']], { key: 'teams:19:contoso@thread.tacv2:17' });
const input = {
  conversations: [slackAnswered, slackEscalated, teamsAnswered],
  escalations: [escalation('human_phrase', 1, { conversationKey: slackEscalated.key })],
  csat: [{ conversationKey: teamsAnswered.key, ref: { platform: 'teams' as const, channel: '19:contoso@thread.tacv2', thread: '17' }, subject: 'baton' as const, askedAt: T0 + 90 * 60_000, customers: ['aad-carla'], rating: 2 }],
};

describe('the report by platform', () => {
  it('gives each platform its own escalation rate, CSAT and FCR, most conversations first', () => {
    const report = buildReport(input, { days: 7 }, T0 + 2 * DAY, RULES);
    expect(report.platforms.map((r) => [r.label, r.figures.matters, r.figures.escalationRate, r.figures.csat.rated, r.figures.csat.score])).toEqual([
      ['Slack', 2, 0.5, 0, undefined],
      ['Microsoft Teams', 1, 0, 1, 0],
    ]);
    const text = JSON.stringify(renderReportBlocks(report));
    expect(text).toContain('*By platform*');
    expect(text).toContain('• *Slack*: 2 conversations · escalated 50% · CSAT – of 0 ratings');
    expect(text).toContain('• *Microsoft Teams*: 1 conversation · escalated 0% · CSAT 0% of 1 rating');
  });

  it('is the same from stored day summaries, and a summary stored before platforms were kept is rebuilt', () => {
    const now = T0 + 2 * DAY;
    const [day] = summarizeDays([dayStart(T0)], input, now, RULES);
    const encoded = encodeDaySummary(day!);
    const stored = decodeDaySummary(day!.day, encoded.head, encoded.rows);
    const fromSummary = reportFromRows({ conversations: stored.conversations, escalations: stored.escalations }, { days: 7 }, now, RULES);
    expect(fromSummary.platforms).toEqual(buildReport(input, { days: 7 }, now, RULES).platforms);

    // Before a summary's rows were stored apart, counts and rows were one document.
    const old = { ...JSON.parse(encoded.head), ...JSON.parse(encoded.rows) } as { conv: { platform?: unknown } };
    expect(decodeDaySummary(day!.day, JSON.stringify(old)).conversations).toEqual(stored.conversations);
    delete old.conv.platform;
    const legacy = decodeDaySummary(day!.day, JSON.stringify(old));
    expect(legacy.validUntil).toBe(legacy.computedAt);
  });
});
