import type { types } from '@slack/bolt';

/** A message as Slack posts it: the fallback text (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  text: string;
  blocks?: types.KnownBlock[];
}
