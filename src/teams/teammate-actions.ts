import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { noteRefusal, specialistRefusal, STAFF_ONLY } from '../core/copy/refusals.js';
import { addInternalNote } from '../core/escalation/internal-note.js';
import { assignEscalation } from '../core/escalation/specialist-actions.js';
import { ACTION, NOTE_FIELD, VIEW } from '../core/model/actions.js';
import { escalationData, type Handler, nameOf, packet } from './packet-handler.js';
import type { FormState } from './render/staff-forms.js';
import { ASSIGN_SUBMIT, ASSIGNEE_FIELD, assignFormCard, noteComposerCard } from './render/teammate-forms.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';

const noteData = escalationData.extend({ [NOTE_FIELD]: z.string().optional().catch(undefined) });
/** An Entra object id as the picker gives it; anything else is no pick. */
const assignData = escalationData.extend({ [ASSIGNEE_FIELD]: z.string().regex(/^[A-Za-z0-9:_.-]{1,200}$/).optional().catch(undefined) });

const NOT_STAFF = 'Escalations can only be assigned to the support team.';
const NOT_IN_CHANNEL = 'That person is not in this queue\u2019s team; pick a teammate from the list.';
const NO_ROSTER = 'Teams did not list the team\u2019s members just now; press Assign to\u2026 again in a moment.';

/** An escalation that can still change hands or take notes, else what the clicker reads instead. */
async function stillOpen(deps: TeamsTurnDeps, id: string): Promise<string | undefined> {
  const escalation = await deps.core.escalations.get(id);
  if (!escalation) return 'This escalation no longer exists.';
  return escalation.status === 'resolved' ? 'This escalation is already resolved.' : undefined;
}

const openNote: Handler = async (deps, author, data) => {
  const parsed = escalationData.safeParse(data);
  if (!parsed.success) return undefined;
  if (author.isExternal) return noteRefusal('not_allowed');
  return (await stillOpen(deps, parsed.data.escalationId)) ?? noteComposerCard(parsed.data.escalationId);
};

/** The note form's Add note: kept and posted in the packet thread by the core; an empty one comes back on the form. */
const submitNote: Handler = async (deps, author, data) => {
  const parsed = noteData.safeParse(data);
  if (!parsed.success) return undefined;
  const { escalationId, [NOTE_FIELD]: text = '' } = parsed.data;
  const result = await addInternalNote(deps.core, escalationId, author, text);
  if (result.ok) return packet(deps, escalationId);
  if (result.reason === 'empty' || result.reason === 'too_long') return noteComposerCard(escalationId, { values: { [NOTE_FIELD]: text }, errors: { [NOTE_FIELD]: noteRefusal(result.reason) } });
  return noteRefusal(result.reason);
};

/** The picker of this queue team's staff, as Teams lists them now; a refusal when Teams does not answer. */
async function assignForm(deps: TeamsTurnDeps, ctx: TurnContext, escalationId: string, state?: FormState): Promise<CardAnswer> {
  try {
    const staff = await deps.directory.staff(ctx);
    return staff.length > 0 ? assignFormCard(escalationId, staff, state) : 'Nobody in this team is on the support team.';
  } catch (err) {
    deps.log.warn({ err, escalationId }, 'Teams team roster could not be read for Assign to');
    return NO_ROSTER;
  }
}

const openAssign: Handler = async (deps, author, data, ctx) => {
  const parsed = escalationData.safeParse(data);
  if (!parsed.success) return undefined;
  if (author.isExternal) return STAFF_ONLY;
  return (await stillOpen(deps, parsed.data.escalationId)) ?? assignForm(deps, ctx, parsed.data.escalationId);
};

/**
 * The assign form's Assign: the pick is looked up again in this team (a forged or stale pick is judged
 * by Teams, not by the card); the core makes the teammate the claimer and tells the customer who has it.
 */
const submitAssign: Handler = async (deps, author, data, ctx) => {
  const parsed = assignData.safeParse(data);
  if (!parsed.success) return undefined;
  const { escalationId, [ASSIGNEE_FIELD]: picked } = parsed.data;
  if (author.isExternal) return STAFF_ONLY;
  if (!picked) return assignForm(deps, ctx, escalationId, { values: {}, errors: { [ASSIGNEE_FIELD]: 'Pick a teammate.' } });
  const assignee = await deps.directory.member(ctx, picked).catch((err: unknown) => {
    deps.log.warn({ err, escalationId }, 'Teams member look-up for an assignee failed');
    return null;
  });
  if (assignee === null) return NO_ROSTER;
  if (!assignee) return NOT_IN_CHANNEL;
  if (assignee.isExternal) return NOT_STAFF;
  const result = await assignEscalation(deps.core, escalationId, author, assignee);
  return specialistRefusal(result, nameOf) ?? packet(deps, escalationId);
};

/** Add note and Assign to… on the packet card, and their forms' submits. */
export const TEAMMATE_HANDLERS: Record<string, Handler> = {
  [ACTION.addNote]: openNote,
  [VIEW.internalNote]: submitNote,
  [ACTION.assign]: openAssign,
  [ASSIGN_SUBMIT]: submitAssign,
};
