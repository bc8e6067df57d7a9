import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { ConversationRef } from '../../core/model/conversation-ref.js';
import type { SharedFile } from '../../core/model/message.js';

/** A group chat has no threads: the whole chat is one conversation. */
export const CHAT_THREAD = 'chat';

const THREAD_SUFFIX = /;messageid=(\d+)$/;

/**
 * Where a Teams message lives as the core sees it. A channel thread's conversation id ends in
 * `;messageid=<root>`; a new post in a channel is the root of its own thread; a group chat is one thread.
 */
export function teamsRef(activity: Activity): ConversationRef | undefined {
  const id = activity.conversation?.id;
  if (!id) return undefined;
  const channel = id.replace(THREAD_SUFFIX, '');
  const root = THREAD_SUFFIX.exec(id)?.[1];
  if (root) return { platform: 'teams', channel, thread: root };
  if (activity.conversation?.conversationType === 'channel') return activity.id ? { platform: 'teams', channel, thread: activity.id } : undefined;
  return { platform: 'teams', channel, thread: CHAT_THREAD };
}

/**
 * Whether a card's conversation key names the conversation the press came from. Card data travels
 * through the client and can be forged: a key of another channel, or of another thread of this channel
 * when Teams says which thread the card sits in, is refused before anything is looked up.
 */
export function pressedIn(activity: Activity, key: string): boolean {
  const id = activity.conversation?.id;
  if (!id) return false;
  const channel = id.replace(THREAD_SUFFIX, '');
  const root = THREAD_SUFFIX.exec(id)?.[1];
  const prefix = `teams:${channel}:`;
  if (!key.startsWith(prefix)) return false;
  const thread = key.slice(prefix.length);
  return root ? thread === root : !thread.includes(':');
}

/**
 * The reference proactive sends reply with: in a channel, the thread's conversation id and its root
 * message, so every send is a reply in that thread (the SDK always replies to `activityId`).
 */
export function threadReference(activity: Activity, ref: ConversationRef): ConversationReference {
  const reference = activity.getConversationReference();
  if (ref.thread === CHAT_THREAD) return reference;
  return { ...reference, activityId: ref.thread, conversation: { ...reference.conversation, id: `${ref.channel};messageid=${ref.thread}` } };
}

/** The channel or chat itself, no thread: a post through it is top-level (a new thread in a channel). */
export function placeReference(activity: Activity): ConversationReference {
  const { activityId: _thread, ...reference } = activity.getConversationReference();
  return { ...reference, conversation: { ...reference.conversation, id: reference.conversation.id.replace(THREAD_SUFFIX, '') } } as ConversationReference;
}

/** Attachments that are a message's own body or Baton's cards, not files a person shared. */
const NOT_FILES = new Set(['text/html', 'application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.card.hero']);
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/**
 * The files a person attached: a file shared in a channel or chat (Teams' download-info attachment, with
 * its file type) or an image pasted inline (its own content type).
 */
export function messageFiles(activity: Activity): SharedFile[] {
  return (activity.attachments ?? []).flatMap((a) => {
    if (!a.contentType || NOT_FILES.has(a.contentType)) return [];
    const content = (a.content ?? {}) as { fileType?: unknown; downloadUrl?: unknown };
    const type = a.contentType === TEAMS_FILE ? (typeof content.fileType === 'string' ? content.fileType : 'file') : a.contentType;
    const link = a.contentUrl ?? (typeof content.downloadUrl === 'string' ? content.downloadUrl : undefined);
    return [{ name: a.name ?? (type.startsWith('image/') ? 'an image' : 'a file'), type, ...(link ? { link } : {}) }];
  });
}

/** The words of a message: the bot's own @mention is gone already (the SDK strips it); other mention tags lose their markup. */
export function messageText(activity: Activity): string {
  return (activity.text ?? '').replace(/<\/?at>/g, '').replace(/&nbsp;/g, ' ').trim();
}

export function activityTime(activity: Activity): number {
  const t = activity.timestamp ? new Date(activity.timestamp).getTime() : Number.NaN;
  return Number.isFinite(t) ? t : Date.now();
}
