import type { Author, InboundMessage } from '../../core/model/message.js';
import { conversationKey } from '../../core/model/conversation-ref.js';
import type { InboxItem } from '../../core/ports/inbox.js';
import type { AfterTurnPayload } from './after-turn-item.js';

/** What the Teams adapter keeps in the inbox: a customer-channel message, a "Talk to a person" press, a clarifying question's button, or work a turn left to do after it. */
export type TeamsInboxPayload =
  | AfterTurnPayload
  | { platform: 'teams'; kind: 'message'; message: InboundMessage }
  | { platform: 'teams'; kind: 'human_request'; conversationKey: string; author: Author }
  | { platform: 'teams'; kind: 'reading_choice'; conversationKey: string; author: Author; ask: number; option: number };

export type TeamsInboxItem = InboxItem<TeamsInboxPayload>;

/** The same id for every redelivery of the activity, so Teams retrying after 15 s is taken once. */
export function teamsMessageItem(message: InboundMessage, receivedAt: number): TeamsInboxItem {
  const key = conversationKey(message.ref);
  const { ref } = message;
  const newThread = ref.thread === message.id ? { newThread: { by: `teams:${ref.channel}:${message.author.id}`, ref } } : {};
  return { id: `teams:${ref.channel}:${message.id}`, lane: key, receivedAt, payload: { platform: 'teams', kind: 'message', message }, ...newThread };
}

export function teamsHumanRequestItem(key: string, author: Author, activityId: string, receivedAt: number): TeamsInboxItem {
  return { id: `human:${key}:${activityId}`, lane: key, receivedAt, payload: { platform: 'teams', kind: 'human_request', conversationKey: key, author } };
}

export function teamsReadingChoiceItem(key: string, author: Author, pick: { ask: number; option: number }, activityId: string, receivedAt: number): TeamsInboxItem {
  return { id: `choice:${key}:${activityId}`, lane: key, receivedAt, payload: { platform: 'teams', kind: 'reading_choice', conversationKey: key, author, ...pick } };
}

export function isTeamsItem(item: InboxItem): item is TeamsInboxItem {
  return (item.payload as { platform?: unknown } | null)?.platform === 'teams';
}
