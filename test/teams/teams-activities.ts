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
  /** The channel and its team: Contoso's shared channel unless named. */
  channel?: string;
  team?: string;
}

/** What Teams posts for a message in a channel thread, the bot @mentioned (in a shared channel the tenant is the host's). */
function base(o: Common, id: string) {
  const channel = o.channel ?? CONTOSO_CHANNEL;
  const team = o.team ?? CONTOSO_TEAM;
  return {
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: o.from.id, name: o.from.name, aadObjectId: o.from.aadObjectId },
    recipient: BOT,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: VENDOR_TENANT, id: `${channel};messageid=${o.root}` },
    channelData: { tenant: { id: VENDOR_TENANT }, team: { id: team }, channel: { id: channel } },
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

/** The vendor's own team, whose channels hold the Teams specialist queues. */
export const VENDOR_TEAM = '19:vendor-team@thread.tacv2';
export const ACCESS_QUEUE = '19:queue-access@thread.tacv2';
export const teamsStaff2: TeamsMember = { id: '29:tomas', name: 'Tomas Vendor', aadObjectId: 'aad-tomas', tenantId: VENDOR_TENANT };
/** The access queue's lead in Teams, named in the policy by Entra object id (`teams:<id>`). */
export const teamsLead: TeamsMember = { id: '29:lena', name: 'Lena Lead', aadObjectId: '3f2b8c1d-5e6a-4b7c-8d9e-0a1b2c3d4e5f', tenantId: VENDOR_TENANT };
/** A second Teams lead of the access queue whom the member look-up does not find (left the team). */
export const GONE_LEAD = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

/** What Teams posts when the app is added to a team: a conversationUpdate in the team's General channel. */
export function installedInTeam(serviceUrl: string) {
  return {
    id: activityId(),
    type: 'conversationUpdate',
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: teamsStaff.id, name: teamsStaff.name, aadObjectId: teamsStaff.aadObjectId },
    recipient: BOT,
    membersAdded: [BOT],
    conversation: { isGroup: true, conversationType: 'channel', tenantId: VENDOR_TENANT, id: VENDOR_TEAM },
    channelData: { tenant: { id: VENDOR_TENANT }, team: { id: VENDOR_TEAM }, eventType: 'teamMemberAdded' },
  };
}

/** A click on a card in a thread of the Teams access queue (Action.Execute), with what the form's inputs hold. */
export function queueInvoke(o: { serviceUrl: string; from: TeamsMember; root: string; cardId?: string; verb: string; data: Record<string, unknown> }) {
  return executeInvoke({ ...o, cardId: o.cardId ?? o.root, channel: ACCESS_QUEUE, team: VENDOR_TEAM });
}

/** The same click from a client without Action.Execute: inputs arrive beside the fallback's `{verb, data}`. */
export function queueSubmit(o: { serviceUrl: string; from: TeamsMember; root: string; cardId?: string; verb: string; data: Record<string, unknown>; inputs?: Record<string, string> }) {
  const click = submitMessage({ ...o, cardId: o.cardId ?? o.root, channel: ACCESS_QUEUE, team: VENDOR_TEAM });
  return { ...click, value: { ...click.value, ...o.inputs } };
}

/** A customer's own team, which the vendor was invited to: a new conversation no account maps. */
export const FABRIKAM_TEAM = '19:fabrikam-general@thread.tacv2';

/** What Teams posts when someone in the customer's tenant adds the app to their team (its General channel). */
export function installedInCustomerTeam(serviceUrl: string) {
  return {
    ...installedInTeam(serviceUrl),
    from: { id: teamsCustomer.id, name: teamsCustomer.name, aadObjectId: teamsCustomer.aadObjectId },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: CUSTOMER_TENANT, id: FABRIKAM_TEAM },
    channelData: { tenant: { id: CUSTOMER_TENANT }, team: { id: FABRIKAM_TEAM, name: 'Fabrikam Support' }, eventType: 'teamMemberAdded' },
  };
}

/** A person's one-to-one chat with Baton (Teams' `personal` conversation): where a lead types commands. */
export const personalChat = (member: TeamsMember) => `a:1personal-${member.aadObjectId}`;

function personalBase(serviceUrl: string, from: TeamsMember, id: string) {
  return {
    id,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { conversationType: 'personal', tenantId: from.tenantId, id: personalChat(from) },
    channelData: { tenant: { id: from.tenantId } },
  };
}

/** What Teams posts when a person writes to Baton in their chat with it. */
export function personalMessage(o: { serviceUrl: string; from: TeamsMember; text: string }) {
  return { ...personalBase(o.serviceUrl, o.from, activityId()), type: 'message', text: o.text, textFormat: 'plain' };
}

/** A click on an Action.Execute button of a card in the person's chat with Baton. */
export function personalInvoke(o: { serviceUrl: string; from: TeamsMember; cardId: string; verb: string; data: Record<string, unknown> }) {
  return {
    ...personalBase(o.serviceUrl, o.from, activityId()),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: o.cardId,
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
}

/** The same click from a client without Action.Execute: a message whose value is the fallback's `{verb, data}`. */
export function personalSubmit(o: { serviceUrl: string; from: TeamsMember; cardId: string; verb: string; data: Record<string, unknown> }) {
  return { ...personalBase(o.serviceUrl, o.from, activityId()), type: 'message', replyToId: o.cardId, value: { verb: o.verb, data: o.data } };
}

/** Allow (or Decline) on a file consent card: Teams names where in the person's OneDrive the file goes. */
export function fileConsentInvoke(o: { serviceUrl: string; from: TeamsMember; cardId: string; context: unknown; action?: 'accept' | 'decline'; uploadUrl?: string }) {
  const name = 'export.csv';
  return {
    ...personalBase(o.serviceUrl, o.from, activityId()),
    type: 'invoke',
    name: 'fileConsent/invoke',
    replyToId: o.cardId,
    value: {
      type: 'fileUpload',
      action: o.action ?? 'accept',
      context: o.context,
      uploadInfo: { name, uploadUrl: o.uploadUrl ?? `${o.serviceUrl}upload/${name}`, contentUrl: `https://contoso-my.sharepoint.com/personal/files/${name}`, uniqueId: 'file-1', fileType: 'csv' },
    },
  };
}
