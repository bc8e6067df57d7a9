import type { DraftState, Specialist } from '../escalation/escalation.js';
import { MAX_NOTE_CHARS, type NoteResult } from '../escalation/internal-note.js';
import type { ActionResult } from '../escalation/specialist-actions.js';
import type { RateResult } from '../feedback/csat.js';
import type { ChoiceOutcome } from '../conversation/choose-reading.js';
import type { HumanRequestOutcome } from '../conversation/request-human.js';
import type { DraftResult } from '../copilot/draft-review.js';

/**
 * What a person hears, privately, when a button does not do what they pressed it for. Written once for
 * every platform; each adapter only says how a person is named there (a Slack mention, a Teams name).
 */
export type NamePerson = (who: Specialist) => string;

/** Reports, reviews and exports, on every platform, asked for by someone who is not a lead. */
export const LEAD_COMMANDS_ONLY = 'Sorry, reports, reviews and exports are for the support leads named in Baton\u2019s configuration. A lead or an admin can add you.';

export const STAFF_ONLY = 'Only the support team can claim, release or close escalations.';

export function specialistRefusal(result: ActionResult, name: NamePerson): string | undefined {
  if (result.ok) return undefined;
  switch (result.reason) {
    case 'already_claimed':
      return `${name(result.by)} already claimed this escalation.`;
    case 'not_claimed_by_you':
      return result.by ? `Only ${name(result.by)}, who claimed it, can release this escalation.` : 'Nobody has claimed this escalation.';
    case 'already_resolved':
      return 'This escalation is already resolved.';
    case 'not_allowed':
      return STAFF_ONLY;
    case 'not_found':
      return 'This escalation no longer exists.';
    default:
      return undefined;
  }
}

/** An internal note that was not kept, said to the staff member who wrote it. */
export function noteRefusal(reason: Extract<NoteResult, { ok: false }>['reason']): string {
  if (reason === 'empty') return 'Write something first: the note is empty.';
  if (reason === 'too_long') return `A note takes up to ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters.`;
  return reason === 'not_allowed' ? 'Only the support team can write internal notes.' : 'This escalation no longer exists.';
}

const DONE: Record<DraftState, string> = {
  pending: 'is acting on this draft right now',
  sent: 'already sent this draft',
  edited: 'already edited and sent this draft',
  discarded: 'already discarded this draft',
};

/** Send as is, Edit and send or Discard on a copilot draft that did not go through. */
export function draftRefusal(result: DraftResult, name: NamePerson): string | undefined {
  if (result.ok) return undefined;
  switch (result.reason) {
    case 'already_reviewed':
      return result.by ? `${name(result.by)} ${DONE[result.state]}.` : 'This draft has already been dealt with.';
    case 'not_allowed':
      return 'Only the support team can send or discard Baton\u2019s drafts.';
    case 'not_found':
      return 'This draft no longer exists.';
    case 'empty':
      return 'Write the reply the customer should read.';
  }
}

/** A customer button pressed by someone outside the conversation it belongs to. */
export const NOT_YOUR_CONVERSATION = 'These buttons belong to the customer who asked here; to ask something yourself, start a new message.';

export function talkToHumanRefusal(outcome: HumanRequestOutcome | undefined): string | undefined {
  if (outcome?.kind === 'already_with_human') return 'A specialist already has this conversation; they will reply here.';
  if (outcome?.kind === 'not_customer') return 'This button is for the customer. To take over, just reply in the thread.';
  if (outcome?.kind === 'not_your_conversation') return NOT_YOUR_CONVERSATION;
  return undefined;
}

/** A clarifying question's button that no longer does anything, and why. */
export function choiceRefusal(outcome: ChoiceOutcome | undefined): string | undefined {
  if (outcome?.kind === 'already_settled') return 'This question has been answered already; just ask here if you meant something else.';
  if (outcome?.kind === 'not_found') return 'This question has expired; just ask here again.';
  if (outcome?.kind === 'not_customer') return 'These buttons are for the customer. To take over, just reply in the thread.';
  return talkToHumanRefusal(outcome?.kind === 'already_with_human' || outcome?.kind === 'not_your_conversation' ? outcome : undefined);
}

const CSAT_REFUSAL: Record<Exclude<RateResult, { ok: true }>['reason'], string | undefined> = {
  not_your_conversation: 'Thanks, but only the customer who asked can rate this conversation.',
  already_rated: 'This conversation has been rated already. Thank you!',
  not_found: 'This rating request has expired.',
  invalid: undefined,
};

export function csatRefusal(result: RateResult): string | undefined {
  return result.ok ? undefined : CSAT_REFUSAL[result.reason];
}

/** What the customer reads back when their "Talk to a person" press was taken (the handoff notice follows). */
export const HUMAN_REQUESTED = 'Thanks: a person from our team will take it from here.';
