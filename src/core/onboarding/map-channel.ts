import type { AccountPolicy } from '../../config/policy-schema.js';
import { accountForChannel } from '../conversation/accounts.js';
import type { CoreDeps } from '../deps.js';
import { isLead } from '../metrics/leads.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import type { ChannelOnboarding, OnboardingPorts } from '../ports/onboarding.js';
import { findAccount, knownTiers } from './channel-directory.js';
import { onboardingLock } from './offer-channel.js';
import { proposedIntro, refreshOffer } from './onboarding-view.js';

/** The account a lead maps a channel to: one that exists, or a new one described in the form. */
export type AccountChoice = { kind: 'existing'; accountId: string } | { kind: 'new'; name: string; tier: string; crmUrl?: string };

export type MapRefusal =
  | { reason: 'not_lead' | 'not_offered' | 'unknown_account' | 'bad_name' | 'unknown_tier' | 'bad_crm_url' }
  /** The policy file maps this channel already: the file wins. */
  | { reason: 'configured'; account: string }
  | { reason: 'already_mapped'; account: string }
  /** A new account's id (from its name) is taken, in the policy file or by an account a lead created. */
  | { reason: 'account_exists'; id: string; inPolicy: boolean };

export type MapResult = ({ ok: true; account: AccountPolicy; intro: string; title?: string }) | ({ ok: false } & MapRefusal);

type OnboardingDeps = CoreDeps & { onboarding: OnboardingPorts };

/** A new account's id: its name in lowercase letters, digits and dashes, as policy ids are written. */
export function accountIdFor(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

function isWebUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/** The new account as it will be stored, or why the form cannot make one. */
function newAccount(deps: Pick<CoreDeps, 'policy'>, choice: Extract<AccountChoice, { kind: 'new' }>, ref: ChannelRef): AccountPolicy | MapRefusal {
  const name = choice.name.trim();
  const id = accountIdFor(name);
  if (!id) return { reason: 'bad_name' };
  if (!knownTiers(deps.policy).includes(choice.tier)) return { reason: 'unknown_tier' };
  const crmUrl = choice.crmUrl?.trim();
  if (crmUrl && !isWebUrl(crmUrl)) return { reason: 'bad_crm_url' };
  return { id, name, tier: choice.tier, ...(crmUrl ? { crm_url: crmUrl } : {}), channels: [channelName(ref)], mode: 'autopilot', channel_modes: {} };
}

/** Stores a new account unless its id is taken; the policy's ids and the stored ones are checked under one lock. */
async function createAccount(deps: OnboardingDeps, account: AccountPolicy): Promise<MapRefusal | undefined> {
  if (deps.policy.accounts.some((a) => a.id === account.id)) return { reason: 'account_exists', id: account.id, inPolicy: true };
  return deps.onboarding.store.updateAccounts<MapRefusal | undefined>((stored) =>
    stored.some((a) => a.id === account.id) ? { result: { reason: 'account_exists', id: account.id, inPolicy: false } } : { next: [...stored, account], result: undefined },
  );
}

async function chosenAccount(deps: OnboardingDeps, choice: AccountChoice, ref: ChannelRef): Promise<AccountPolicy | MapRefusal> {
  if (choice.kind === 'existing') return (await findAccount(deps, choice.accountId)) ?? { reason: 'unknown_account' };
  const account = newAccount(deps, choice, ref);
  if ('reason' in account) return account;
  return (await createAccount(deps, account)) ?? account;
}

/**
 * A lead maps an offered channel to an account: stored at once for every instance, no policy edit and
 * no restart. Baton still says nothing there until a lead approves its introduction (approveIntro).
 */
export async function mapChannel(deps: CoreDeps, ref: ChannelRef, lead: string, choice: AccountChoice): Promise<MapResult> {
  if (!isLead(deps.policy, lead)) return { ok: false, reason: 'not_lead' };
  const configured = accountForChannel(deps.policy, ref);
  if (configured) return { ok: false, reason: 'configured', account: configured.name };
  if (!deps.onboarding) return { ok: false, reason: 'not_offered' };
  const withPorts = deps as OnboardingDeps;
  return deps.locks.run(onboardingLock(ref), async () => {
    const record = await withPorts.onboarding.store.get(channelName(ref));
    if (!record) return { ok: false, reason: 'not_offered' };
    if (record.status !== 'offered') {
      const current = record.accountId ? await findAccount(deps, record.accountId) : undefined;
      return { ok: false, reason: 'already_mapped', account: current?.name ?? record.accountId ?? '' };
    }
    const account = await chosenAccount(withPorts, choice, ref);
    if ('reason' in account) return { ok: false, ...account };
    const mapped: ChannelOnboarding = { ...record, status: 'mapped', accountId: account.id, mappedBy: lead };
    await withPorts.onboarding.store.update(channelName(ref), () => ({ next: mapped, result: undefined }));
    deps.log.info({ channel: ref.channel, account: account.id, tier: account.tier, lead, created: choice.kind === 'new' }, 'channel mapped to an account; waiting for its introduction to be approved');
    await refreshOffer(deps, mapped);
    return { ok: true, account, intro: proposedIntro(deps, account.name), ...(record.title ? { title: record.title } : {}) };
  });
}
