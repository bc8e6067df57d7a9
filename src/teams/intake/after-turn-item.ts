import type { ConversationReference } from '@microsoft/agents-activity';
import type { InboxItem } from '../../core/ports/inbox.js';

/** The work a turn asked for: its delivery id (from the activity, so a redelivery has the same), and what to call it. */
export interface TurnJob {
  id: string;
  what: string;
}

/** Which work, by name (a lead's command, a file upload), with the data it was asked with, as it arrived. */
export interface AfterTurnWork {
  name: string;
  data: unknown;
}

/** Work a turn left to do after it, and the conversation its messages go to. */
export interface AfterTurnPayload {
  platform: 'teams';
  kind: 'after_turn';
  job: TurnJob;
  reference: ConversationReference;
  work: AfterTurnWork;
}

/**
 * The inbox item of work after a turn: the same id for every redelivery of the activity (taken once), in
 * a lane of its own per chat, so one lead's work is done in the order they asked for it.
 */
export function afterTurnItem(reference: ConversationReference, job: TurnJob, work: AfterTurnWork, receivedAt: number): InboxItem<AfterTurnPayload> {
  return { id: `${job.id}:later`, lane: `teams:${reference.conversation.id}:after-turn`, receivedAt, payload: { platform: 'teams', kind: 'after_turn', job, reference, work } };
}
