import { describe, expect, it } from 'vitest';
import { percentiles } from '../../../src/core/metrics/percentile.js';

describe('percentiles', () => {
  it('take the nearest rank of each asked percentile from values in any order', () => {
    expect(percentiles([40, 10, 30, 20, 50, 60, 70, 80, 90, 100], [50, 90])).toEqual({ 50: 50, 90: 90 });
    expect(percentiles([7], [50, 90])).toEqual({ 50: 7, 90: 7 });
  });

  it('are undefined for no values', () => {
    expect(percentiles([], [50, 90])).toEqual({ 50: undefined, 90: undefined });
  });
});
