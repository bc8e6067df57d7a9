import { describe, expect, it } from 'vitest';
import { minimalPolicy, problems } from './policy-problems.js';

/** A placeholder a text is not filled with would reach the customer as typed ("Our {rol} will help"). */
describe('the placeholders of customer copy', () => {
  it('accepts each text with the placeholders it is filled with', () => {
    const copy = `copy:
  handoff: "Our {role} has it, {when} ({sla})."
  claimed: "{name} is on it."
  relayed: "{name} ({vendor}): {text}"
onboarding:
  intro: "Hello {account}, this is {vendor}."`;
    expect(problems(minimalPolicy(copy))).toEqual([]);
  });

  it('names a placeholder the text is not filled with, and the ones it takes', () => {
    const copy = `copy:
  handoff: "Our {rol} will help {when}."
  resolved: "Thanks {name}!"
onboarding:
  intro: "Hi {acount}"`;
    expect(problems(minimalPolicy(copy))).toEqual([
      '9:copy.handoff: {rol} is not filled in: this text takes {role}, {when}, {sla}',
      '10:copy.resolved: {name} is not filled in: this text takes none',
      '12:onboarding.intro: {acount} is not filled in: this text takes {account}, {vendor}',
    ]);
  });
});
