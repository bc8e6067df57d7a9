import type { AnswerRef } from '../../core/model/answer-ref.js';
import { conversationKey } from '../../core/model/conversation-ref.js';
import type { Vote } from '../../core/feedback/answer-vote.js';
import type { InboxItem } from '../../core/ports/inbox.js';
import { normalizeMessageEvent, type SlackInbound } from '../normalize/message-event.js';

type Clicker = { user: { id: string; teamId?: string }; channel?: string; thread?: string };

/**
 * What the Slack adapter keeps in the inbox: a customer-channel message, a "Talk to a person" press, a
 * Helpful / Not helpful press (with the answer message as Slack sent it, so its buttons can be replaced),
 * a clarifying question's button, or what a lead asked for in their DM (LeadDmPayload).
 */
export type SlackInboxPayload =
  | LeadDmPayload
  | { kind: 'message'; inbound: SlackInbound }
  | ({ kind: 'human_request'; conversationKey: string } & Clicker)
  | ({ kind: 'answer_vote'; answer: AnswerRef; vote: Vote; message?: { ts: string; text?: string; blocks?: Record<string, unknown>[] } } & Clicker)
  | ({ kind: 'reading_choice'; conversationKey: string; ask: number; option: number } & Clicker);

export type SlackInboxItem = InboxItem<SlackInboxPayload>;

/** What goes to a lead's DM after the ack: a `/baton` command's work (by name, with its words), or a modal's receipt. */
export type LeadDmWork = { command: string; args: string[] } | { receipt: string };
export interface LeadDmPayload {
  kind: 'lead_dm';
  user: string;
  work: LeadDmWork;
}

/**
 * Keyed by what asked for it (a slash command's or a modal submission's trigger_id: Slack sends neither again), so the messages it
 * yields are sent once; one lane per lead, so their DM gets them in the order they asked.
 */
/** What a modal submission is known by: its trigger_id (one per submission), else its view's id. */
export function submissionTrigger(body: { trigger_id?: string; view: { id: string } }): string {
  return body.trigger_id ?? body.view.id;
}

export function leadDmItem(user: string, trigger: string, work: LeadDmWork, receivedAt: number): InboxItem<LeadDmPayload> {
  return { id: `lead-dm:${trigger}`, lane: `slack:${user}:lead-dm`, receivedAt, payload: { kind: 'lead_dm', user, work } };
}

interface EventBody {
  type?: string;
  event?: { type?: string };
  authorizations?: { user_id?: string }[];
}

/**
 * The inbox item for an Events API body carrying a message or app_mention, `null` for one that carries
 * no person's message (a bot post, an edit: acknowledged and dropped), undefined for any other body.
 * The bot's own user id comes from the envelope's authorization, so nothing is looked up before the ack.
 */
export function messageItem(body: unknown, receivedAt: number): SlackInboxItem | null | undefined {
  const envelope = body as EventBody | undefined;
  const type = envelope?.event?.type;
  if (envelope?.type !== 'event_callback' || (type !== 'message' && type !== 'app_mention')) return undefined;
  const inbound = normalizeMessageEvent(envelope.event, envelope.authorizations?.[0]?.user_id);
  if (!inbound) return null;
  const { ref, id } = inbound.message;
  // The same id for a message and its app_mention twin, and for every redelivery of either.
  const newThread = ref.thread === id ? { newThread: { by: `slack:${ref.channel}:${inbound.userId}`, ref } } : {};
  return { id: `slack:${ref.channel}:${id}`, lane: conversationKey(ref), receivedAt, payload: { kind: 'message', inbound }, ...newThread };
}

/** A "Talk to a person" press, in the same lane as the conversation's messages. */
export function humanRequestItem(request: Omit<Extract<SlackInboxPayload, { kind: 'human_request' }>, 'kind'>, actionTs: string, receivedAt: number): SlackInboxItem {
  return { id: `human:${request.conversationKey}:${actionTs}`, lane: request.conversationKey, receivedAt, payload: { kind: 'human_request', ...request } };
}

/** A Helpful / Not helpful press, in its conversation's lane: "Not helpful" may open a handoff, like a message. */
export function answerVoteItem(vote: Omit<Extract<SlackInboxPayload, { kind: 'answer_vote' }>, 'kind'>, actionTs: string, receivedAt: number): SlackInboxItem {
  const { conversationKey: lane, answerId } = vote.answer;
  return { id: `vote:${answerId}:${vote.user.id}:${actionTs}`, lane, receivedAt, payload: { kind: 'answer_vote', ...vote } };
}

/** A press on a clarifying question's button, in the same lane as the conversation's messages. */
export function readingChoiceItem(press: Omit<Extract<SlackInboxPayload, { kind: 'reading_choice' }>, 'kind'>, actionTs: string, receivedAt: number): SlackInboxItem {
  return { id: `choice:${press.conversationKey}:${actionTs}`, lane: press.conversationKey, receivedAt, payload: { kind: 'reading_choice', ...press } };
}
