import { z } from 'zod';

const matrixAction = z.enum(['resolve', 'attempt', 'escalate']);
const any = z.literal('any');

/** One cell (or a group of cells, with "any") of the trigger matrix. First match wins. */
const matrixRuleSchema = z.object({
  complexity: z.union([z.enum(['low', 'medium', 'high']), any]).default('any'),
  sentiment: z.union([z.enum(['calm', 'negative', 'frustrated']), any]).default('any'),
  loop: z.union([z.boolean(), any]).default('any'),
  action: matrixAction,
});

export const triageSchema = z.object({
  /** The asking that counts as a loop: 3 means the third time the same question comes. */
  loop_after: z.number().int().min(2).default(3),
  /** Minimum answer confidence per risk tier; "attempt" cells raise it by `attempt_margin`. */
  thresholds: z
    .object({ low: z.number().min(0).max(1), medium: z.number().min(0).max(1), high: z.number().min(0).max(1.01) })
    .default({ low: 0.45, medium: 0.65, high: 1.01 }),
  attempt_margin: z.number().min(0).max(1).default(0.1),
  matrix: z.array(matrixRuleSchema).default([
    { complexity: 'any', sentiment: 'any', loop: true, action: 'escalate' },
    { complexity: 'any', sentiment: 'frustrated', loop: 'any', action: 'escalate' },
    { complexity: 'high', sentiment: 'any', loop: 'any', action: 'escalate' },
    { complexity: 'any', sentiment: 'negative', loop: 'any', action: 'attempt' },
    { complexity: 'medium', sentiment: 'any', loop: 'any', action: 'attempt' },
    { complexity: 'low', sentiment: 'any', loop: 'any', action: 'resolve' },
  ]),
});

export type TriagePolicy = z.infer<typeof triageSchema>;
export type MatrixRule = z.infer<typeof matrixRuleSchema>;
