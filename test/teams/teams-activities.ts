import type { TeamsMember } from '../fakes/fake-teams-connector.js';

export const VENDOR_TENANT = '11111111-1111-4111-8111-111111111111';
export const CUSTOMER_TENANT = '22222222-2222-4222-8222-222222222222';
export const CONTOSO_CHANNEL = '19:contoso@thread.tacv2';
export const CONTOSO_TEAM = '19:contoso-team@thread.tacv2';
const BOT = { id: '28:baton-local-dev', name: 'Baton' };

export const teamsCustomer: TeamsMember = { id: '29:carla', name: 'Carla Contoso', aadObjectId: 'aad-carla', tenantId: CUSTOMER_TENANT };
export const teamsStaff: TeamsMember = { id: '29:sam', name: 'Sam Vendor', aadObjectId: 'aad-sam', tenantId: VENDOR_TENANT };

let sequence = 1_700_000_000_000;
export const activityId = () => String(sequence++);

interface Common {
  serviceUrl: string;
  from: TeamsMember;
  /** The thread's root message id; a new channel post is its own root. */
  root: string;
}

/** What Teams posts for a message in a channel thread, the bot @mentioned (in a shared channel the tenant is the host's). */
function base(o: Common, id: string) {
  return {
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: o.from.id, name: o.from.name, aadObjectId: o.from.aadObjectId },
    recipient: BOT,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: VENDOR_TENANT, id: `${CONTOSO_CHANNEL};messageid=${o.root}` },
    channelData: { tenant: { id: VENDOR_TENANT }, team: { id: CONTOSO_TEAM }, channel: { id: CONTOSO_CHANNEL } },
  };
}

export function channelMessage(o: Omit<Common, 'root'> & { text: string; root?: string; id?: string }) {
  const id = o.id ?? activityId();
  return {
    ...base({ ...o, root: o.root ?? id }, id),
    type: 'message',
    text: `<at>Baton</at> ${o.text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>Baton</at>' }],
  };
}

/** A click on an Action.Execute button of the card `cardId`. */
export function executeInvoke(o: Common & { cardId: string; verb: string; data: Record<string, unknown> }) {
  return {
    ...base(o, activityId()),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.cardId,
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
}

/** The same click from a client without Action.Execute: the fallback Action.Submit's data as the value. */
export function submitMessage(o: Common & { cardId: string; verb: string; data: Record<string, unknown> }) {
  return { ...base(o, activityId()), type: 'message', replyToId: o.cardId, value: { verb: o.verb, data: o.data } };
}

export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

export const CONTOSO_CHAT = '19:contoso-chat@thread.v2';

/** A message in a group chat with the customer: no team, no threads. */
export function chatMessage(o: { serviceUrl: string; from: TeamsMember; text: string }) {
  return {
    id: activityId(),
    type: 'message',
    timestamp: new Date().toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: o.from.id, name: o.from.name, aadObjectId: o.from.aadObjectId },
    recipient: BOT,
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: VENDOR_TENANT, id: CONTOSO_CHAT },
    channelData: { tenant: { id: VENDOR_TENANT } },
    text: o.text,
    textFormat: 'plain',
  };
}
