import { describe, expect, it } from 'vitest';
import { buildDeciderWithIndex } from '../../../src/core/answer/build-decider.js';
import { standsAlone } from '../../../src/core/conversation/stands-alone.js';
import type { Decider, DecisionInput } from '../../../src/core/ports/decider.js';
import { SMALL_KB, smallPolicy } from '../answer/small-policy.js';

const policy = smallPolicy();
const acme = { platform: 'slack' as const, channel: 'C0ACME001' };

/** The real triage engine over the small KB, recording what it was asked. */
function world() {
  const { decider } = buildDeciderWithIndex({ policy, kb: SMALL_KB });
  const asked: DecisionInput[] = [];
  const recording: Decider = {
    decide: (input) => {
      asked.push(input);
      return decider.decide(input);
    },
  };
  const alone = (text: string, ref: { platform: 'slack'; channel: string } = acme) => standsAlone({ policy, decider: recording }, { text, ref });
  return { asked, alone };
}

describe('whether a message opening a group is a request on its own', () => {
  it('a question Baton would answer, or one that already calls for a person, is decided without waiting', async () => {
    const w = world();
    expect(await w.alone('How can I export my dashboard as a CSV report')).toBe(true);
    expect(await w.alone('someone logged into our workspace who should not have')).toBe(true);
    expect(await w.alone('I want to talk to a human')).toBe(true);
  });

  it('a question Baton cannot place still stands alone when it reads as a whole question', async () => {
    const w = world();
    expect(await w.alone('does the mobile app work offline?')).toBe(true);
    expect(await w.alone('our nightly sync with the warehouse stopped writing rows yesterday')).toBe(true);
  });

  it('small talk and a few words Baton cannot place wait for what the customer types next', async () => {
    const w = world();
    expect(await w.alone('Hi')).toBe(false);
    expect(await w.alone('good morning')).toBe(false);
    expect(await w.alone('quick one about the sync')).toBe(false);
  });

  it('is read without the model and with the account of the channel; another channel is not held at all', async () => {
    const w = world();
    await w.alone('Hi');
    expect(w.asked).toEqual([{ text: 'Hi', history: [], accountId: 'acme', withoutModel: true }]);
    expect(await w.alone('Hi', { platform: 'slack', channel: 'C0UNKNOWN' })).toBe(true);
    expect(w.asked).toHaveLength(1);
  });
});
