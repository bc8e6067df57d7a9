import type { AccountPolicy, Policy } from '../../config/policy-schema.js';
import { accountById, accountForChannel, queueById } from '../conversation/accounts.js';
import type { CoreDeps } from '../deps.js';
import { channelName, parseChannelName, type ChannelRef, type Platform } from '../model/conversation-ref.js';
import type { ChannelOnboarding } from '../ports/onboarding.js';

/** Where a channel stands: answered for an account, on its way there, one of ours, or unknown. */
export type ChannelStanding =
  | { kind: 'account'; account: AccountPolicy }
  | { kind: 'onboarding'; record: ChannelOnboarding; account?: AccountPolicy }
  | { kind: 'internal' }
  | { kind: 'unknown' };

/** An account of the policy or one a lead created; the policy's wins when both have the id. */
export async function findAccount(deps: Pick<CoreDeps, 'policy' | 'onboarding'>, id: string): Promise<AccountPolicy | undefined> {
  return accountById(deps.policy, id) ?? (await deps.onboarding?.store.accounts())?.find((a) => a.id === id);
}

/** Queue channels and the leads' channel: Baton's own, never a customer's, never offered for mapping. */
export function isInternalChannel(policy: Policy, ref: ChannelRef): boolean {
  const name = channelName(ref);
  return policy.leads_channel === name || policy.queues.some((q) => q.channel === name);
}

/**
 * Where the leads hear about new channels: the digest's channel, else the default queue's, the first on a
 * platform where they can be asked to map one (a leads' channel in Teams leaves it to the default queue).
 */
export function leadsChannel(policy: Policy, asksOn: (platform: Platform) => boolean): ChannelRef | undefined {
  const candidates = [policy.leads_channel, queueById(policy, policy.routing.default_queue)?.channel];
  return candidates.flatMap((c) => (c ? [parseChannelName(c)] : [])).find((ref) => asksOn(ref.platform));
}

/**
 * The one account look-up for a customer channel. The policy file wins; a channel a lead mapped counts
 * only once it is live (mapped and its introduction approved), which is the consent gate.
 */
export async function channelStanding(deps: Pick<CoreDeps, 'policy' | 'onboarding'>, ref: ChannelRef): Promise<ChannelStanding> {
  const configured = accountForChannel(deps.policy, ref);
  if (configured) return { kind: 'account', account: configured };
  if (isInternalChannel(deps.policy, ref)) return { kind: 'internal' };
  const record = await deps.onboarding?.store.get(channelName(ref));
  if (!record) return { kind: 'unknown' };
  const account = record.accountId ? await findAccount(deps, record.accountId) : undefined;
  if (record.status === 'live' && account) return { kind: 'account', account };
  return { kind: 'onboarding', record, ...(account ? { account } : {}) };
}

/** The account Baton answers a channel for, from the policy or a lead's mapping; none before it is live. */
export async function findAccountForChannel(deps: Pick<CoreDeps, 'policy' | 'onboarding'>, ref: ChannelRef): Promise<AccountPolicy | undefined> {
  const standing = await channelStanding(deps, ref);
  return standing.kind === 'account' ? standing.account : undefined;
}

/** Every account a channel can be mapped to: the policy's, then those leads created. */
export async function mappableAccounts(deps: Pick<CoreDeps, 'policy' | 'onboarding'>): Promise<AccountPolicy[]> {
  const stored = (await deps.onboarding?.store.accounts()) ?? [];
  return [...deps.policy.accounts, ...stored.filter((a) => !accountById(deps.policy, a.id))];
}

/** The tiers routing knows: those of the policy's accounts and those its rules name. */
export function knownTiers(policy: Policy): string[] {
  return [...new Set([...policy.accounts.map((a) => a.tier), ...policy.routing.rules.flatMap((r) => r.when.tiers ?? [])])];
}
