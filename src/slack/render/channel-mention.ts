import { platformLabel } from '../../core/metrics/platform-rows.js';
import type { ChannelRef } from '../../core/model/conversation-ref.js';
import { escapeMrkdwn } from './mrkdwn.js';

/**
 * A customer channel as the leads read it in Slack: a Slack channel is a mention Slack links; a channel of
 * another platform (a Teams team channel or group chat) is its name, else its id, and the platform.
 */
export function channelMention(ref: ChannelRef, title?: string): string {
  if (ref.platform === 'slack') return `<#${ref.channel}>`;
  const name = title ? `*${escapeMrkdwn(title)}*` : `\`${ref.channel.replace(/`/g, "'")}\``;
  return `${name} (${platformLabel(ref.platform)})`;
}
