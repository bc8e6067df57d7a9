import type { Audience, KnowledgeEntry, Reader } from '../ports/knowledge.js';

/** Whether an entry may be used in a text `reader` reads about `accountId`: the index applies it beside the account scope. */
export type AudienceFilter = (entry: KnowledgeEntry, accountId: string, reader: Reader) => boolean;

/**
 * Whether an article for `audience` may ground a text about an account of `tier`, read by `reader`.
 * Internal articles ground staff texts only (copilot drafts a specialist reviews); tier and account
 * audiences hold for staff too, since a specialist may send the draft as is.
 */
export function audienceAllows(audience: Audience | undefined, accountId: string, tier: string | undefined, reader: Reader): boolean {
  if (audience === undefined || 'everyone' in audience) return true;
  if ('internal' in audience) return reader === 'staff';
  if ('tiers' in audience) return tier !== undefined && audience.tiers.includes(tier);
  return audience.accounts.includes(accountId);
}

/** The filter for a policy's accounts: an account the policy does not list has no tier, so it sees tier-bound articles never. */
export function audienceFilter(accounts: readonly { id: string; tier: string }[]): AudienceFilter {
  const tierOf = new Map(accounts.map((a) => [a.id, a.tier]));
  return (entry, accountId, reader) => audienceAllows(entry.audience, accountId, tierOf.get(accountId), reader);
}
