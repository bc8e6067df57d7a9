import type { Audience, KnowledgeEntry } from '../ports/knowledge.js';

/** Whether an entry may be used to answer `accountId`: the index applies it beside the account scope. */
export type AudienceFilter = (entry: KnowledgeEntry, accountId: string) => boolean;

/** Whether an account of `tier` may be shown an article for `audience`. Internal articles are for staff only. */
export function audienceAllows(audience: Audience | undefined, accountId: string, tier: string | undefined): boolean {
  if (audience === undefined || 'everyone' in audience) return true;
  if ('internal' in audience) return false;
  if ('tiers' in audience) return tier !== undefined && audience.tiers.includes(tier);
  return audience.accounts.includes(accountId);
}

/** The filter for a policy's accounts: an account the policy does not list has no tier, so it sees tier-bound articles never. */
export function audienceFilter(accounts: readonly { id: string; tier: string }[]): AudienceFilter {
  const tierOf = new Map(accounts.map((a) => [a.id, a.tier]));
  return (entry, accountId) => audienceAllows(entry.audience, accountId, tierOf.get(accountId));
}
