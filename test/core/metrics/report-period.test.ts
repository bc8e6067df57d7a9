import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../../src/core/metrics/report-command.js';
import { periodBounds, periodLabel } from '../../../src/core/metrics/report-period.js';
import { describeRule } from '../../../src/core/policy/trigger-matrix.js';

const at = (iso: string) => Date.parse(iso);

describe('report periods', () => {
  it('takes a quarter as the calendar quarter so far, compared with the whole quarter before', () => {
    const now = at('2026-11-30T19:00:00Z');
    const parsed = parseReportArgs(['quarter'], []);
    expect(parsed).toEqual({ ok: true, request: { days: 90, quarter: true } });
    if (!parsed.ok) return;
    expect(periodBounds(parsed.request, now)).toEqual({ start: at('2026-10-01T00:00:00Z'), previousStart: at('2026-07-01T00:00:00Z') });
    expect(periodLabel(parsed.request, at('2026-10-01T00:00:00Z'))).toBe('Q4 2026 to date');
  });

  it('reaches back across a new year for the first quarter', () => {
    const bounds = periodBounds({ days: 90, quarter: true }, at('2027-02-10T08:00:00Z'));
    expect(bounds).toEqual({ start: at('2027-01-01T00:00:00Z'), previousStart: at('2026-10-01T00:00:00Z') });
  });

  it('keeps 90d a rolling 90 days, and the last period word wins', () => {
    expect(parseReportArgs(['quarter', '90d'], [])).toEqual({ ok: true, request: { days: 90 } });
    const now = at('2026-11-30T00:00:00Z');
    expect(periodBounds({ days: 90 }, now).start).toBe(now - 90 * 86_400_000);
  });
});

describe('trigger rules in words', () => {
  it('reads a matrix rule as a lead would, with no internal notation', () => {
    expect(describeRule({ complexity: 'any', sentiment: 'frustrated', loop: 'any', action: 'escalate' }, 1)).toBe('trigger rule 2 (any complexity, frustrated tone): escalate');
    expect(describeRule({ complexity: 'high', sentiment: 'any', loop: true, action: 'escalate' }, 0)).toBe('trigger rule 1 (high complexity, any tone, a repeated question): escalate');
  });
});
