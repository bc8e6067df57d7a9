import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ConversationFacts } from '../../../src/core/metrics/facts.js';
import { buildReport, type ReportRequest } from '../../../src/core/metrics/report.js';
import { DAY, HOUR, MIN, RULES } from './outcome-fixtures.js';

/** A question asked at `t` that nobody answered yet. */
const askedAt = (t: number, n: number): ConversationFacts => ({ key: `slack:C1:${n}.0`, accountId: 'acme', createdAt: t, category: 'how_to', at: { customer: [t], thanks: [], bot: [], staff: [] } });

/** The calendar date of `t` in `zone`, read through Intl (not the code under test's luxon). */
const localDate = (t: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);

const chart = (conversations: ConversationFacts[], request: ReportRequest, now: number, zone?: string) => buildReport({ conversations, escalations: [], csat: [] }, request, now, RULES, zone).series;

/** The days a point has conversations on. */
const withConversations = (series: ReturnType<typeof chart>) => series.filter((p) => p.escalationRate !== undefined).map((p) => p.day);

describe("the report chart's days", () => {
  const zones = Intl.supportedValuesOf('timeZone');

  it(`put today's questions under today's date and last night's under yesterday's, in each of the ${zones.length} zones a policy may name`, () => {
    for (const zone of zones) {
      // Two hours after local midnight on a fixed day: a question on each side of midnight.
      const midnight = DateTime.fromISO('2026-12-07T00:00', { zone }).toMillis();
      const now = midnight + 2 * HOUR;
      const series = chart([askedAt(midnight - MIN, 1), askedAt(midnight + MIN, 2)], { days: 7 }, now, zone);
      expect([zone, series.at(-1)!.day]).toEqual([zone, localDate(now, zone)]);
      expect([zone, withConversations(series)]).toEqual([zone, [localDate(midnight - MIN, zone), localDate(now, zone)]]);
    }
  });

  it('are whole calendar days through a DST change, from the one the period starts on to today; weeks end today', () => {
    const zone = 'America/New_York';
    const now = Date.parse('2026-11-02T12:00:00Z');
    const days = chart([], { days: 7 }, now, zone).map((p) => p.day);
    expect(days).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    const weeks = chart([askedAt(now - HOUR, 1)], { days: 90 }, now, zone);
    expect(weeks.at(-1)!.day).toBe('2026-10-27');
    expect(withConversations(weeks)).toEqual(['2026-10-27']);
  });

  it('are UTC days when the report names no zone', () => {
    const now = Date.parse('2026-12-07T04:34:00Z');
    const series = chart([askedAt(now - 5 * MIN, 1)], { days: 30 }, now);
    expect(series).toHaveLength(31);
    expect(withConversations(series)).toEqual(['2026-12-07']);
    expect(series[0]!.day).toBe(localDate(now - 30 * DAY, 'UTC'));
  });
});
