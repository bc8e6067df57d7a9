import { describe, expect, it } from 'vitest';
import { problems } from './policy-problems.js';

const policy = (queues: string) => `
vendor: { team_ids: [T0VENDOR1] }
accounts: [{ id: acme, name: Acme, tier: enterprise, channels: [C0ACME001] }]
queues:
${queues}
routing: { default_queue: support }
root_causes: [{ id: kb_gap, label: KB gap }]
categories: [{ name: how_to, risk: low }]
`;

describe('business hours and backup queues in the policy', () => {
  it('accepts hours with defaults and a backup that names another queue', () => {
    const ok = policy(`  - { id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60, hours: { timezone: Europe/Berlin }, backup: night }
  - { id: night, channel: C0NIGHT001, role: on-call engineer, sla_minutes: 30 }`);
    expect(problems(ok)).toEqual([]);
  });

  it('names each bad key at its line: timezone, times, days, holidays, backup', () => {
    const bad = policy(`  - id: support
    channel: C0SUPPORT1
    role: support specialist
    sla_minutes: 60
    hours: { timezone: Europe/Berlinn, days: [monday], open: "9am", close: "17:00", holidays: ["2026-02-30"] }
    backup: nobody
  - { id: night, channel: C0NIGHT001, role: on-call engineer, sla_minutes: 30, hours: { timezone: UTC, open: "18:00", close: "08:00" }, backup: night }`);
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        '9:queues[0].hours.timezone: an IANA timezone such as Europe/Berlin',
        expect.stringMatching(/^9:queues\[0\]\.hours\.days\[0\]: /),
        '9:queues[0].hours.open: a 24-hour time such as 09:00',
        '9:queues[0].hours.holidays[0]: a date such as 2026-12-25',
        '10:queues[0].backup: no queue named "nobody"',
        '11:queues[1].hours.close: a closing time after the opening time',
        '11:queues[1].backup: a queue cannot be its own backup',
      ]),
    );
  });
});
