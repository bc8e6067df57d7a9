import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { newConversation } from '../../../src/core/conversation/conversation.js';
import { recordEscalation } from '../../../src/core/escalation/open-escalation.js';
import type { Decision } from '../../../src/core/model/decision.js';
import { createLogger } from '../../../src/infra/logger.js';

const policy = parsePolicy(
  `
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues:
  - id: billing
    channel: C0BILLING1
    role: billing specialist
    sla_minutes: 60
    hours: { timezone: Europe/Berlin, days: [mon, tue, wed, thu, fri], open: "09:00", close: "17:00", holidays: ["2026-12-07", "2026-12-25"] }
  - { id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 30 }
routing: { default_queue: support, rules: [{ when: { categories: [billing] }, queue: billing }] }
root_causes: [{ id: kb_gap, label: KB gap }]
categories:
  - { name: billing, risk: medium }
  - { name: how_to, risk: low }
`,
  'inline.yaml',
);

function decision(category: string): Decision & { trigger: 'human_phrase' } {
  return {
    action: 'escalate', category, risk: 'medium', trigger: 'human_phrase', rule: 'asked for a person', confidence: 0.9, threshold: 0.7,
    complexity: 'low', sentiment: { label: 'neutral', frustration: 0, urgency: 0, distress: 0 }, loop: false, reasons: [],
  };
}

/** Escalates a fresh conversation at a Berlin local time; returns what the customer is told and the due time. */
async function escalateAt(localIso: string, category = 'billing') {
  const now = DateTime.fromISO(localIso, { zone: 'Europe/Berlin' }).toMillis();
  const deps = { policy, clock: { now: () => now }, log: createLogger('silent'), newId: () => 'E-TEST' };
  const conversation = newConversation({ platform: 'slack', channel: 'C0ACME001', thread: '1.0' }, 'acme', now);
  const { conversation: next, escalation } = await recordEscalation(deps, conversation, decision(category));
  const notice = next.outbox?.find((d) => d.kind === 'customer');
  const text = notice?.kind === 'customer' ? notice.message.kind === 'notice' && notice.message.text : undefined;
  return { text, due: DateTime.fromMillis(escalation.dueAt, { zone: 'Europe/Berlin' }).toFormat('ccc dd HH:mm') };
}

describe('a promise made after hours', () => {
  it('names the opening-hours time across a weekend and a Monday holiday', async () => {
    const { text, due } = await escalateAt('2026-12-04T18:10');
    expect(due).toBe('Tue 08 10:00');
    expect(text).toContain('they will pick this up by 10:00 on Tuesday (Berlin time)');
  });

  it('carries the time left on Friday over the holiday and the weekend', async () => {
    const { text, due } = await escalateAt('2026-12-24T16:45');
    expect(due).toBe('Mon 28 09:45');
    expect(text).toContain('by 09:45 on Monday (Berlin time)');
  });

  it('promises a duration during opening hours, and a queue without hours works around the clock', async () => {
    expect((await escalateAt('2026-12-08T11:00')).text).toContain('they will pick this up within 1 hour.');
    const allHours = await escalateAt('2026-12-05T23:00', 'how_to');
    expect(allHours.due).toBe('Sat 05 23:30');
    expect(allHours.text).toContain('within 30 minutes');
  });
});
