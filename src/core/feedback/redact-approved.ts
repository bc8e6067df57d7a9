import type { Policy } from '../../config/policy-schema.js';
import { nameWordsOf, redact } from './redact.js';

/**
 * The redaction every text approved for customers goes through (`kb approve`, a reviewer's edit, an
 * imported answer): everything `redact` finds, every account's name and id in the policy (an approved
 * answer is shown to every account), and the names given (the people of the conversation it came from).
 * The vendor's own support addresses stay.
 */
export function approvedTextRedactor(policy: Pick<Policy, 'accounts' | 'vendor'>, names: readonly string[] = []): (text: string) => string {
  const words = nameWordsOf([...policy.accounts.flatMap((a) => [a.name, a.id]), ...names]);
  const keep = policy.vendor.support_addresses ?? [];
  return (text) => redact(text, { keep, isName: (w) => words.has(w) });
}
