/** A platform's tag (`slack`, `teams`, `web`): the core knows a platform by nothing else. */
export type Platform = string;

/**
 * The platform of a channel *name* written without a tag: policies name Slack's channels bare
 * (C0123ABCD), and so do the names derived from them (`channel_modes` keys, the onboarding store's keys,
 * alerts' channels). Stored references always carry their platform (the store upgrades older ones).
 */
export const UNTAGGED_PLATFORM: Platform = 'slack';

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

const TAGGED = /^([a-z][a-z0-9-]*):(.+)$/s;

/** The platform a conversation key (`platform:channel:thread`) names; undefined for a key with no tag. */
export function platformOfKey(key: string): Platform | undefined {
  return TAGGED.exec(key)?.[1];
}

/**
 * A channel as the config writes it: its platform's tag in front (`teams:19:abc@thread.tacv2`,
 * `web:acme-demo`), or a bare id of the untagged platform (C0123ABCD, as configs always had it).
 */
export function parseChannelName(name: string): ChannelRef {
  const m = TAGGED.exec(name);
  return m ? { platform: m[1]!, channel: m[2]! } : { platform: UNTAGGED_PLATFORM, channel: name };
}

/** The inverse of parseChannelName: how the config names this channel. */
export function channelName(ref: ChannelRef): string {
  return ref.platform === UNTAGGED_PLATFORM ? ref.channel : `${ref.platform}:${ref.channel}`;
}
