import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/config/load-policy.js';
import { minimalPolicy, problems } from './policy-problems.js';

const minimal = minimalPolicy();

describe('the keys a policy must hold', () => {
  it('accepts a policy without a vendor block, naming the vendor "our team" to customers', () => {
    expect(problems(minimal)).toEqual([]);
    expect(parsePolicy(minimal, 'p.yaml', undefined, () => {}).vendor).toEqual({ name: 'our team', product_hosts: [] });
  });

  it('names each missing required key at once', () => {
    expect(problems('accounts: []\n')).toEqual([
      '1:accounts: Too small: expected array to have >=1 items',
      '1:queues: Invalid input: expected array, received undefined',
      '1:routing: Invalid input: expected object, received undefined',
      '1:categories: Invalid input: expected array, received undefined',
      '1:root_causes: Invalid input: expected array, received undefined',
    ]);
  });
});
