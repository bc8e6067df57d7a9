import type { SlackDeps } from '../slack-deps.js';

/** A private note to the person who clicked, e.g. why their click did nothing. */
export async function replyEphemeral(deps: SlackDeps, channel: string | undefined, user: string, text: string, threadTs?: string): Promise<void> {
  if (!channel) return;
  try {
    await deps.slack.call('chat.postEphemeral', { channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  } catch (err) {
    deps.log.warn({ err, channel }, 'could not send an ephemeral reply');
  }
}
