import type { types } from '@slack/bolt';
import { openDm, shareFiles, type FileToShare } from '../gateway/slack-files.js';
import type { SlackDeps } from '../slack-deps.js';

/** Reports, reviews and exports go to the lead's DM with Baton: nobody else in the channel sees them. */
export async function sendToLead(
  deps: SlackDeps,
  userId: string,
  message: { text: string; blocks?: types.KnownBlock[] },
  files: FileToShare[] = [],
  comment?: string,
): Promise<void> {
  const channel = await openDm(deps.slack, userId);
  if (message.blocks) await deps.slack.call('chat.postMessage', { channel, text: message.text, blocks: message.blocks });
  if (files.length > 0) await shareFiles(deps.slack, channel, files, comment ?? message.text);
  else if (!message.blocks) await deps.slack.call('chat.postMessage', { channel, text: message.text });
}
