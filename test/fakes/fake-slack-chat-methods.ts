/**
 * chat.* and reactions.add as Slack answers them: the posted message echoed back with the bot's
 * identity, the same error codes for the same mistakes, and Block Kit limits enforced.
 */
import { checkBlocks, checkMessageText, type BlockKitIssue } from './block-kit-limits.js';
import type { StoredMessage } from './fake-slack-state.js';
import {
  argString,
  fail,
  rejectIssues,
  withWarnings,
  type ApiResult,
  type MethodContext,
  type MethodHandler,
} from './fake-slack-method-kit.js';

/** Block and text checks shared by postMessage / postEphemeral / update. */
function checkContent(ctx: MethodContext, textLimitError: 'msg_too_long'): ApiResult | BlockKitIssue[] {
  const { blocks, text } = ctx.args;
  if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_blocks_format');
  if (ctx.args.markdown_text !== undefined && (blocks !== undefined || text !== undefined)) {
    return fail('markdown_text_conflict');
  }
  const blockIssues = blocks === undefined ? [] : checkBlocks(blocks, 'message');
  const rejected = rejectIssues(ctx, blockIssues, 'invalid_blocks');
  if (rejected) return rejected;
  const textIssues = checkMessageText(text);
  return rejectIssues(ctx, textIssues, textLimitError) ?? [...blockIssues, ...textIssues];
}

/** The `message` object Slack returns for a message the bot just wrote. */
function botMessage(ctx: MethodContext, ts: string): StoredMessage {
  const { state, args } = ctx;
  const threadTs = argString(args, 'thread_ts');
  return {
    type: 'message',
    ts,
    text: argString(args, 'text') ?? argString(args, 'markdown_text') ?? '',
    user: state.bot.userId,
    bot_id: state.bot.botId,
    app_id: state.bot.appId,
    team: state.team.id,
    bot_profile: { id: state.bot.botId, app_id: state.bot.appId, name: state.bot.name, deleted: false, team_id: state.team.id },
    ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
    ...(threadTs !== undefined ? { thread_ts: threadTs, parent_user_id: state.bot.userId } : {}),
  };
}

const postMessage: MethodHandler = (ctx) => {
  const channel = argString(ctx.args, 'channel');
  if (channel === undefined || !ctx.state.knowsChannel(channel)) return fail('channel_not_found');
  const { blocks, text, attachments, markdown_text } = ctx.args;
  if (blocks === undefined && text === undefined && attachments === undefined && markdown_text === undefined) {
    return fail('no_text');
  }
  const checked = checkContent(ctx, 'msg_too_long');
  if (!Array.isArray(checked)) return checked;
  const message = ctx.state.addMessage(channel, botMessage(ctx, ctx.state.nextTs()));
  return withWarnings({ ok: true, channel, ts: message.ts, message }, checked);
};

const postEphemeral: MethodHandler = (ctx) => {
  const channel = argString(ctx.args, 'channel');
  if (channel === undefined || !ctx.state.knowsChannel(channel)) return fail('channel_not_found');
  if (argString(ctx.args, 'user') === undefined) return fail('user_not_in_channel');
  if (ctx.args.blocks === undefined && ctx.args.text === undefined && ctx.args.attachments === undefined) {
    return fail('no_text');
  }
  const checked = checkContent(ctx, 'msg_too_long');
  if (!Array.isArray(checked)) return checked;
  // Ephemeral messages are not stored in the channel history; the ts is still unique.
  return withWarnings({ ok: true, message_ts: ctx.state.nextTs() }, checked);
};

const update: MethodHandler = (ctx) => {
  const channel = argString(ctx.args, 'channel');
  const ts = argString(ctx.args, 'ts');
  if (channel === undefined || !ctx.state.knowsChannel(channel)) return fail('channel_not_found');
  const existing = ts === undefined ? undefined : ctx.state.findMessage(channel, ts);
  if (existing === undefined || ts === undefined) return fail('message_not_found');
  // chat.update is stricter than postMessage on text: 4,000 characters, `msg_too_long` (§4.3 [ISS]).
  const text = argString(ctx.args, 'text');
  if (text !== undefined && text.length > 4000) {
    ctx.report([{ pointer: '/text', message: 'must be less than 4001 characters', severity: 'error' }]);
    return fail('msg_too_long');
  }
  const checked = checkContent(ctx, 'msg_too_long');
  if (!Array.isArray(checked)) return checked;
  if (text !== undefined) existing.text = text;
  if (ctx.args.blocks !== undefined) existing.blocks = ctx.args.blocks;
  existing.edited = { user: ctx.state.bot.userId, ts: ctx.state.nextTs() };
  return withWarnings({ ok: true, channel, ts, text: existing.text, message: existing }, checked);
};

const getPermalink: MethodHandler = (ctx) => {
  const channel = argString(ctx.args, 'channel');
  const ts = argString(ctx.args, 'message_ts');
  if (channel === undefined || !ctx.state.knowsChannel(channel)) return fail('channel_not_found');
  const message = ts === undefined ? undefined : ctx.state.findMessage(channel, ts);
  if (message === undefined) return fail('message_not_found');
  const base = `https://${ctx.state.team.domain}.slack.com/archives/${channel}/p${message.ts.replace('.', '')}`;
  const permalink =
    message.thread_ts !== undefined && message.thread_ts !== message.ts
      ? `${base}?thread_ts=${message.thread_ts}&cid=${channel}`
      : base;
  return { ok: true, channel, permalink };
};

const addReaction: MethodHandler = (ctx) => {
  const channel = argString(ctx.args, 'channel');
  const ts = argString(ctx.args, 'timestamp');
  const name = argString(ctx.args, 'name');
  if (channel === undefined || !ctx.state.knowsChannel(channel)) return fail('channel_not_found');
  if (name === undefined) return fail('invalid_name');
  if (ts === undefined || ctx.state.findMessage(channel, ts) === undefined) return fail('message_not_found');
  const key = `${channel}:${ts}:${name}`;
  if (ctx.state.reactions.has(key)) return fail('already_reacted');
  ctx.state.reactions.add(key);
  return { ok: true };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.getPermalink': getPermalink,
  'reactions.add': addReaction,
};
