import { describe, expect, it } from 'vitest';
import { fitThresholds, fitWarnings, type Replayed } from '../../src/cli/calibrate/fit.js';
import type { Decision } from '../../src/core/model/decision.js';

const MARGIN = 0.05;
const TARGET = 0.98;

/** A replayed ticket Baton answered at `confidence`, that did or did not need a person. */
function replayed(i: number, confidence: number, mustEscalate: boolean, risk: 'low' | 'medium' = 'medium'): Replayed {
  const decision = { action: 'answer', trigger: null, risk, confidence, matrixAction: 'answer', answer: { text: 'a', citations: [], confidence } } as unknown as Decision;
  return { ticket: { entry: { id: `t${i}`, kind: 'conversation', question: 'q' }, category: 'billing', tier: risk, mustEscalate, because: mustEscalate ? 'escalated' : '', fold: i % 2 }, decision };
}

const warned = (items: Replayed[]) => fitWarnings(items, fitThresholds(items, TARGET, MARGIN), TARGET, MARGIN);

describe('calibrate says loudly what its bars would do', () => {
  it('warns when no pair of bars hands over the target, however high they go', () => {
    // A ticket that needed a person was answered at full confidence: no bar below 1.00 hands it over.
    const items = [replayed(0, 1, true), replayed(1, 1, true), ...[2, 3, 4, 5].map((i) => replayed(i, 0.6, false))];
    expect(warned(items)).toContainEqual(expect.stringMatching(/^WARNING: no thresholds hand over 0.98 of the tickets that needed a person/));
  });

  it('warns when the bars would answer every replayed ticket', () => {
    const items = [0, 1, 2, 3, 4, 5].map((i) => replayed(i, 0.9, false));
    expect(warned(items)).toContainEqual('WARNING: these thresholds answer all 6 replayed tickets: nothing would go to a person on confidence.');
  });

  it('says nothing of bars that hand over what needed a person and answer the rest', () => {
    const tier = (risk: 'low' | 'medium', at: number) => [replayed(at, 0.3, true, risk), replayed(at + 1, 0.35, true, risk), ...[2, 3, 4, 5].map((i) => replayed(at + i, 0.8, false, risk))];
    const items = [...tier('low', 0), ...tier('medium', 6)];
    expect(warned(items)).toEqual([]);
  });
});
