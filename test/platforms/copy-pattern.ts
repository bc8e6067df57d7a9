/** A customer-facing copy of the policy as a pattern that matches it filled in: its placeholders may be anything. */
export function copyPattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 's');
}
