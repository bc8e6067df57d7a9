import { describe, expect, it } from 'vitest';
import { triageSchema } from '../../../src/config/triage-schema.js';
import { answerThreshold, neverAutonomous, sentimentLevel } from '../../../src/core/policy/thresholds.js';
import { evaluateTriggerMatrix } from '../../../src/core/policy/trigger-matrix.js';

const triage = triageSchema.parse({});

describe('trigger matrix', () => {
  it('escalates a loop, naming the loop as trigger', () => {
    const m = evaluateTriggerMatrix(triage, { complexity: 'low', sentiment: 'calm', loop: true });
    expect(m).toMatchObject({ action: 'escalate', trigger: 'loop' });
    expect(m.rule).toContain('a repeated question');
  });

  it('escalates frustration as a sentiment trigger and hidden complexity as complexity', () => {
    expect(evaluateTriggerMatrix(triage, { complexity: 'low', sentiment: 'frustrated', loop: false }).trigger).toBe('sentiment');
    expect(evaluateTriggerMatrix(triage, { complexity: 'high', sentiment: 'calm', loop: false }).trigger).toBe('complexity');
  });

  it('attempts negative or medium-complexity questions, resolves simple calm ones', () => {
    expect(evaluateTriggerMatrix(triage, { complexity: 'low', sentiment: 'negative', loop: false }).action).toBe('attempt');
    expect(evaluateTriggerMatrix(triage, { complexity: 'medium', sentiment: 'calm', loop: false }).action).toBe('attempt');
    expect(evaluateTriggerMatrix(triage, { complexity: 'low', sentiment: 'calm', loop: false })).toMatchObject({ action: 'resolve', trigger: null });
  });

  it('follows the configured matrix, first match wins, and a hole escalates', () => {
    const custom = triageSchema.parse({ matrix: [{ sentiment: 'negative', action: 'resolve' }, { complexity: 'low', action: 'attempt' }] });
    expect(evaluateTriggerMatrix(custom, { complexity: 'high', sentiment: 'negative', loop: false }).action).toBe('resolve');
    expect(evaluateTriggerMatrix(custom, { complexity: 'low', sentiment: 'calm', loop: false }).action).toBe('attempt');
    expect(evaluateTriggerMatrix(custom, { complexity: 'high', sentiment: 'calm', loop: false }).action).toBe('escalate');
  });
});

describe('thresholds', () => {
  it('differ by risk tier, rise on attempt cells, and the high tier is never autonomous by default', () => {
    expect(answerThreshold(triage, 'medium', 'resolve')).toBeGreaterThan(answerThreshold(triage, 'low', 'resolve'));
    expect(answerThreshold(triage, 'low', 'attempt')).toBeGreaterThan(answerThreshold(triage, 'low', 'resolve'));
    expect(neverAutonomous(answerThreshold(triage, 'high', 'resolve'))).toBe(true);
  });

  it('reads the strongest graded tone over its bar', () => {
    expect(sentimentLevel(triage, { label: 'negative', frustration: 0.9, urgency: 0.9, distress: 0 })).toBe('frustrated');
    expect(sentimentLevel(triage, { label: 'neutral', frustration: 0, urgency: 0.6, distress: 0 })).toBe('urgent');
    expect(sentimentLevel(triage, { label: 'neutral', frustration: 0.1, urgency: 0, distress: 0 })).toBe('calm');
  });
});
