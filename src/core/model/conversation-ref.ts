export const PLATFORMS = ['slack', 'teams', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A channel of one platform: a Slack channel id, a Teams conversation id, a web playground room. */
export interface ChannelRef {
  platform: Platform;
  channel: string;
}

/** Where a conversation lives: a thread in a channel of one platform. `thread` is the root message id. */
export interface ConversationRef extends ChannelRef {
  thread: string;
}

export function conversationKey(ref: ConversationRef): string {
  return `${ref.platform}:${ref.channel}:${ref.thread}`;
}

/** The platform a conversation key (`platform:channel:thread`) names; undefined for a key of no known platform. */
export function platformOfKey(key: string): Platform | undefined {
  const head = key.slice(0, key.indexOf(':'));
  return (PLATFORMS as readonly string[]).includes(head) ? (head as Platform) : undefined;
}

const QUALIFIED = /^(slack|teams|web):(.+)$/s;

/**
 * A channel as the config writes it: a bare id is Slack's (C0123ABCD, as configs always had it); any other
 * platform's id carries its name in front: `teams:19:abc@thread.tacv2`, `web:acme-demo`.
 */
export function parseChannelName(name: string): ChannelRef {
  const m = QUALIFIED.exec(name);
  return m ? { platform: m[1] as Platform, channel: m[2]! } : { platform: 'slack', channel: name };
}

/** The inverse of parseChannelName: how the config names this channel. */
export function channelName(ref: ChannelRef): string {
  return ref.platform === 'slack' ? ref.channel : `${ref.platform}:${ref.channel}`;
}
