export type Platform = 'slack' | 'teams';

/** Where a conversation lives: a thread in a channel of one platform. `thread` is the root message id. */
export interface ConversationRef {
  platform: Platform;
  channel: string;
  thread: string;
}

export function conversationKey(ref: ConversationRef): string {
  return `${ref.platform}:${ref.channel}:${ref.thread}`;
}
