import { accountForChannel } from '../conversation/accounts.js';
import type { CoreDeps } from '../deps.js';
import { isLead } from '../metrics/leads.js';
import { channelName, type ChannelRef } from '../model/conversation-ref.js';
import { findAccount, knownTiers, mappableAccounts } from './channel-directory.js';
import type { MapRefusal } from './map-channel.js';

export interface MappingForm {
  ok: true;
  channel: ChannelRef;
  title?: string;
  accounts: { id: string; name: string; tier: string }[];
  tiers: string[];
}

/** What a lead chooses from to map an offered channel, or why it cannot be mapped now. */
export async function mappingForm(deps: Pick<CoreDeps, 'onboarding' | 'policy'>, ref: ChannelRef, lead: string): Promise<MappingForm | ({ ok: false } & MapRefusal)> {
  if (!isLead(deps.policy, lead)) return { ok: false, reason: 'not_lead' };
  const configured = accountForChannel(deps.policy, ref);
  if (configured) return { ok: false, reason: 'configured', account: configured.name };
  const record = await deps.onboarding?.store.get(channelName(ref));
  if (!record) return { ok: false, reason: 'not_offered' };
  if (record.status !== 'offered') {
    const account = record.accountId ? await findAccount(deps, record.accountId) : undefined;
    return { ok: false, reason: 'already_mapped', account: account?.name ?? record.accountId ?? '' };
  }
  const accounts = (await mappableAccounts(deps)).map(({ id, name, tier }) => ({ id, name, tier }));
  return { ok: true, channel: record.channel, ...(record.title ? { title: record.title } : {}), accounts, tiers: knownTiers(deps.policy) };
}
