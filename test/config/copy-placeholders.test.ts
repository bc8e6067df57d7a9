import { describe, expect, it } from 'vitest';
import { problems } from './policy-problems.js';

const policy = (extra: string) => `
slack: { team_ids: [T0VENDOR01] }
accounts: [{ id: acme, name: Acme Corp, tier: enterprise, channels: [C0ACME0001] }]
queues: [{ id: support, channel: C0SUPPORT1, role: support specialist, sla_minutes: 60 }]
routing: { default_queue: support }
categories: [{ name: how_to, risk: low }]
root_causes: [{ id: docs_gap, label: Missing docs }]
${extra}`;

/** A placeholder a text is not filled with would reach the customer as typed ("Our {rol} will help"). */
describe('the placeholders of customer copy', () => {
  it('accepts each text with the placeholders it is filled with', () => {
    const copy = `copy:
  handoff: "Our {role} has it, {when} ({sla})."
  claimed: "{name} is on it."
  relayed: "{name} ({vendor}): {text}"
onboarding:
  intro: "Hello {account}, this is {vendor}."`;
    expect(problems(policy(copy))).toEqual([]);
  });

  it('names a placeholder the text is not filled with, and the ones it takes', () => {
    const copy = `copy:
  handoff: "Our {rol} will help {when}."
  resolved: "Thanks {name}!"
onboarding:
  intro: "Hi {acount}"`;
    expect(problems(policy(copy))).toEqual([
      '9:copy.handoff: {rol} is not filled in: this text takes {role}, {when}, {sla}',
      '10:copy.resolved: {name} is not filled in: this text takes none',
      '12:onboarding.intro: {acount} is not filled in: this text takes {account}, {vendor}',
    ]);
  });
});
