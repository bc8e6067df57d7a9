/**
 * Events API bodies as Slack sends them for a Slack Connect channel (platform-facts §1.4, §2.1):
 * the `event_callback` envelope with `authorizations`, `context_team_id` and
 * `is_ext_shared_channel`, around a `message` or `app_mention` whose author may belong to another
 * organisation (`user_team` / `source_team` differ from the installing team).
 */
import { clientMsgId, eventId, slackTs } from './slack-ids.js';

/** The installation that receives the event: our workspace and our bot. */
export interface Installation {
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
  enterpriseId?: string;
}

export const DEFAULT_INSTALLATION: Installation = {
  teamId: 'T0BATON001',
  botUserId: 'U0BATONBOT',
  botId: 'B0BATONBOT',
  appId: 'A0BATONAPP',
};

export interface EnvelopeOptions {
  installation?: Installation;
  /** Slack Connect channel (default true): the case Baton exists for. */
  extShared?: boolean;
  eventId?: string;
  eventTime?: number;
}

export interface EventCallback {
  token: string;
  team_id: string;
  context_team_id: string;
  context_enterprise_id: string | null;
  api_app_id: string;
  event: Record<string, unknown> & { type: string };
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: Array<{ enterprise_id: string | null; team_id: string; user_id: string; is_bot: boolean; is_enterprise_install: boolean }>;
  is_ext_shared_channel: boolean;
  event_context: string;
}

/** Wraps any inner event. Keep the returned object to redeliver it: a retry reuses `event_id`. */
export function eventCallback(event: Record<string, unknown> & { type: string }, o: EnvelopeOptions = {}): EventCallback {
  const inst = o.installation ?? DEFAULT_INSTALLATION;
  const id = o.eventId ?? eventId();
  return {
    token: 'legacy-verification-token',
    team_id: inst.teamId,
    context_team_id: inst.teamId,
    context_enterprise_id: inst.enterpriseId ?? null,
    api_app_id: inst.appId,
    event,
    type: 'event_callback',
    event_id: id,
    event_time: o.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: inst.enterpriseId ?? null, team_id: inst.teamId, user_id: inst.botUserId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: o.extShared ?? true,
    event_context: `4-${Buffer.from(JSON.stringify({ id, team: inst.teamId })).toString('base64url')}`,
  };
}

export interface MessageOptions extends EnvelopeOptions {
  channel: string;
  user: string;
  /** The author's organisation: a customer's team id for external authors. */
  userTeam: string;
  text: string;
  ts?: string;
  /** Set for a reply in a thread (the parent's ts). */
  threadTs?: string;
  /** Author of the thread parent; Slack sends it on replies. */
  parentUserId?: string;
  channelType?: 'channel' | 'group' | 'im' | 'mpim';
  /** Defaults to `userTeam`: the message originates in the author's organisation. */
  sourceTeam?: string;
  clientMsgId?: string;
}

/** The inner `message` fields a human's message carries in a shared channel. */
function messageFields(o: MessageOptions): Record<string, unknown> {
  const ts = o.ts ?? slackTs();
  return {
    client_msg_id: o.clientMsgId ?? clientMsgId(),
    text: o.text,
    user: o.user,
    ts,
    blocks: [
      { type: 'rich_text', block_id: ts.replace('.', '').slice(-5), elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: o.text }] }] },
    ],
    team: o.userTeam,
    user_team: o.userTeam,
    source_team: o.sourceTeam ?? o.userTeam,
    user_profile: { display_name: o.user.toLowerCase(), real_name: o.user, team: o.userTeam },
    channel: o.channel,
    event_ts: ts,
    channel_type: o.channelType ?? (o.channel.startsWith('G') ? 'group' : 'channel'),
    ...(o.threadTs !== undefined ? { thread_ts: o.threadTs, parent_user_id: o.parentUserId ?? o.user } : {}),
  };
}

/** `message.channels` / `message.groups`: a person wrote in a channel the bot is in. */
export function messageEvent(o: MessageOptions): EventCallback {
  return eventCallback({ type: 'message', ...messageFields(o) }, o);
}

/**
 * `app_mention`: the same message when it @-mentions the bot. Slack delivers it *in addition to*
 * the `message` event, in either order (§1.5); build both with one `ts` to test the dedupe.
 * The mention is prefixed to `text` unless the text already contains it.
 */
export function appMentionEvent(o: MessageOptions): EventCallback {
  const inst = o.installation ?? DEFAULT_INSTALLATION;
  const mention = `<@${inst.botUserId}>`;
  const text = o.text.includes(mention) ? o.text : `${mention} ${o.text}`;
  const { channel_type: _omitted, ...fields } = messageFields({ ...o, text });
  // app_mention carries no channel_type.
  return eventCallback({ type: 'app_mention', ...fields }, o);
}

/**
 * The echo of the bot's own chat.postMessage. A bot-token post arrives without a subtype but with
 * `bot_id`, `bot_profile` and `user` = the bot user, which is what Bolt's ignoreSelf drops on.
 */
export function botMessageEvent(o: Omit<MessageOptions, 'user' | 'userTeam'>): EventCallback {
  const inst = o.installation ?? DEFAULT_INSTALLATION;
  const ts = o.ts ?? slackTs();
  return eventCallback(
    {
      type: 'message',
      text: o.text,
      ts,
      bot_id: inst.botId,
      app_id: inst.appId,
      bot_profile: { id: inst.botId, app_id: inst.appId, name: 'baton', deleted: false, team_id: inst.teamId },
      user: inst.botUserId,
      team: inst.teamId,
      channel: o.channel,
      event_ts: ts,
      channel_type: o.channelType ?? 'channel',
      ...(o.threadTs !== undefined ? { thread_ts: o.threadTs } : {}),
    },
    o,
  );
}
