import { z } from 'zod';

/**
 * A text customers read, filled in with these placeholders only: any other `{word}` (a typo such as
 * `{rol}`) would reach the customer as typed, so the policy refuses it, naming those the text takes.
 */
export function customerText(placeholders: readonly string[] = []) {
  const takes = placeholders.length > 0 ? `this text takes ${placeholders.map((p) => `{${p}}`).join(', ')}` : 'this text takes none';
  return z.string().superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
      if (!placeholders.includes(name!)) ctx.addIssue({ code: 'custom', message: `{${name}} is not filled in: ${takes}` });
    }
  });
}

/** The promise of a handoff, release or move: the queue's role, when it will pick it up, and the plain duration. */
export const PROMISE = ['role', 'when', 'sla'] as const;
