/**
 * Read methods: auth.test, users.info, conversations.info, conversations.replies, conversations.history (and conversations.open for DMs). They answer from
 * what the test registered, and say `user_not_found` / `channel_not_found` / `thread_not_found`
 * otherwise, because the app's fail-closed paths (§2.2) are exactly what tests need to reach.
 */
import type { FakeChannel, FakeUser, StoredMessage } from './fake-slack-state.js';
import { argString, fail, type MethodHandler } from './fake-slack-method-kit.js';

const authTest: MethodHandler = ({ state }) => ({
  ok: true,
  url: `https://${state.team.domain}.slack.com/`,
  team: state.team.name,
  user: state.bot.name,
  team_id: state.team.id,
  user_id: state.bot.userId,
  bot_id: state.bot.botId,
  is_enterprise_install: false,
});

function userObject(u: FakeUser): Record<string, unknown> {
  const name = u.name ?? u.id.toLowerCase();
  const realName = u.real_name ?? name;
  return {
    id: u.id,
    team_id: u.team_id,
    name,
    deleted: u.deleted ?? false,
    real_name: realName,
    tz: 'Europe/London',
    tz_label: 'Greenwich Mean Time',
    tz_offset: 0,
    profile: { real_name: realName, display_name: name, team: u.team_id },
    is_admin: false,
    is_owner: false,
    is_bot: u.is_bot ?? false,
    is_app_user: false,
    is_restricted: false,
    is_ultra_restricted: false,
    updated: 1_700_000_000,
    ...(u.is_stranger !== undefined ? { is_stranger: u.is_stranger } : {}),
    ...(u.enterprise_id !== undefined
      ? { enterprise_user: { id: u.id, enterprise_id: u.enterprise_id, enterprise_name: u.enterprise_id, teams: [u.team_id] } }
      : {}),
  };
}

const usersInfo: MethodHandler = ({ state, args }) => {
  const user = state.users.get(argString(args, 'user') ?? '');
  return user === undefined ? fail('user_not_found') : { ok: true, user: userObject(user) };
};

function channelObject(c: FakeChannel, teamId: string): Record<string, unknown> {
  const isIm = c.id.startsWith('D');
  const shared = c.is_ext_shared ?? false;
  return {
    id: c.id,
    name: c.name,
    name_normalized: c.name,
    is_channel: !isIm && !(c.is_private ?? false),
    is_group: !isIm && (c.is_private ?? false),
    is_im: isIm,
    is_mpim: false,
    is_private: c.is_private ?? false,
    created: 1_700_000_000,
    is_archived: false,
    is_general: false,
    is_shared: shared,
    is_ext_shared: shared,
    is_org_shared: false,
    is_pending_ext_shared: false,
    is_member: true,
    context_team_id: teamId,
    conversation_host_id: teamId,
    shared_team_ids: [teamId],
    ...(shared ? { connected_team_ids: c.connected_team_ids ?? [] } : {}),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}

const conversationsInfo: MethodHandler = ({ state, args }) => {
  const channel = state.channels.get(argString(args, 'channel') ?? '');
  return channel === undefined ? fail('channel_not_found') : { ok: true, channel: channelObject(channel, state.team.id) };
};

/** Cursor pagination like Slack's: an opaque base64 cursor, `has_more`, `next_cursor` ('' at the end). */
const conversationsReplies: MethodHandler = ({ state, args }) => {
  const channel = argString(args, 'channel');
  const ts = argString(args, 'ts');
  if (channel === undefined || !state.knowsChannel(channel)) return fail('channel_not_found');
  const thread = ts === undefined ? [] : state.thread(channel, ts);
  if (thread.length === 0) return fail('thread_not_found');
  const limit = Math.min(Math.max(Number(argString(args, 'limit') ?? 1000) || 1000, 1), 1000);
  const cursor = argString(args, 'cursor');
  const start = cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', ''));
  if (!Number.isInteger(start) || start < 0) return fail('invalid_cursor');
  const page = thread.slice(start, start + limit);
  const more = start + limit < thread.length;
  const nextCursor = more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
  return { ok: true, messages: withMetadata(page, args), has_more: more, response_metadata: { next_cursor: nextCursor } };
};

/** Message metadata is returned only when asked for, as Slack does. */
function withMetadata(messages: StoredMessage[], args: Record<string, unknown>): StoredMessage[] {
  const asked = args.include_all_metadata === true || args.include_all_metadata === 'true';
  return asked ? messages : messages.map(({ metadata: _metadata, ...m }) => m as StoredMessage);
}

/** A channel's top-level messages, newest first, since `oldest` (exclusive), with cursor pagination. */
const conversationsHistory: MethodHandler = ({ state, args }) => {
  const channel = argString(args, 'channel');
  if (channel === undefined || !state.knowsChannel(channel)) return fail('channel_not_found');
  const oldest = Number(argString(args, 'oldest') ?? 0);
  const all = (state.messages.get(channel) ?? []).filter((m) => (m.thread_ts === undefined || m.thread_ts === m.ts) && Number(m.ts) > oldest).reverse();
  const limit = Math.min(Math.max(Number(argString(args, 'limit') ?? 100) || 100, 1), 999);
  const cursor = argString(args, 'cursor');
  const start = cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', ''));
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return { ok: true, messages: withMetadata(page, args), has_more: more, response_metadata: { next_cursor: more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '' } };
};

/** Opens (or finds) the app's DM with one user: `D` + the user id, registered so later posts and uploads land. */
const conversationsOpen: MethodHandler = ({ state, args }) => {
  const user = argString(args, 'users');
  if (user === undefined || user.includes(',')) return fail('invalid_arguments');
  if (!state.users.has(user)) return fail('user_not_found');
  const id = `D${user.slice(1)}`;
  if (!state.channels.has(id)) state.channels.set(id, { id, name: user });
  return { ok: true, channel: { id } };
};

export const infoMethods: Record<string, MethodHandler> = {
  'conversations.open': conversationsOpen,
  'auth.test': authTest,
  'users.info': usersInfo,
  'conversations.info': conversationsInfo,
  'conversations.replies': conversationsReplies,
  'conversations.history': conversationsHistory,
};
