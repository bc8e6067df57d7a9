import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { specialistRefusal, STAFF_ONLY } from '../core/copy/refusals.js';
import { closeEscalation, closeForm, type CloseInput } from '../core/escalation/close-escalation.js';
import { relayToCustomer, type RelayResult } from '../core/escalation/relay-reply.js';
import { claimEscalation, releaseEscalation, type ActionResult } from '../core/escalation/specialist-actions.js';
import { ACTION, CLOSE_FIELD, REPLY_FIELD, VIEW } from '../core/model/actions.js';
import type { Author } from '../core/model/message.js';
import { packetPressedHere } from './card-press.js';
import { DRAFT_HANDLERS } from './draft-actions.js';
import { TEAMMATE_HANDLERS } from './teammate-actions.js';
import { escalationData, type Handler, nameOf, packet, replyData } from './packet-handler.js';
import { closeFormCard, replyComposerCard } from './render/staff-forms.js';
import type { CardAnswer, TeamsTurnDeps } from './teams-turn-deps.js';

const field = z.string().max(3000).optional().catch(undefined);
const closeData = escalationData.extend({
  [CLOSE_FIELD.rootCause]: field,
  [CLOSE_FIELD.aiAccuracy]: field,
  [CLOSE_FIELD.automation]: field,
  [CLOSE_FIELD.note]: field,
});

/** Claim or Release: the core's atomic transition picks one winner; the loser is told who has it. */
function transition(run: (deps: TeamsTurnDeps['core'], id: string, author: Author) => Promise<ActionResult>): Handler {
  return async (deps, author, data) => {
    const parsed = escalationData.safeParse(data);
    if (!parsed.success) return undefined;
    const result = await run(deps.core, parsed.data.escalationId, author);
    return specialistRefusal(result, nameOf) ?? packet(deps, parsed.data.escalationId);
  };
}

const openClose: Handler = async (deps, author, data) => {
  const parsed = escalationData.safeParse(data);
  if (!parsed.success) return undefined;
  if (author.isExternal) return STAFF_ONLY;
  const escalation = await deps.core.escalations.get(parsed.data.escalationId);
  if (!escalation) return 'This escalation no longer exists.';
  if (escalation.status === 'resolved') return 'This escalation is already resolved.';
  return closeFormCard(closeForm(deps.core.policy, escalation.id));
};

/** The close form's submit: missing tags come back as errors on the form, kept as filled in; else the packet shows it closed. */
const submitClose: Handler = async (deps, author, data) => {
  const parsed = closeData.safeParse(data);
  if (!parsed.success) return undefined;
  const { escalationId, ...values } = parsed.data;
  const input: CloseInput = { rootCause: values.root_cause, aiAccuracy: values.ai_accuracy, automation: values.automation_potential, note: values.resolution_note };
  const result = await closeEscalation(deps.core, escalationId, author, input);
  if (result.ok) return packet(deps, escalationId);
  if (result.reason === 'invalid') return closeFormCard(closeForm(deps.core.policy, escalationId), { values, errors: result.errors });
  return specialistRefusal(result, nameOf);
};

const openReply: Handler = async (_deps, author, data) => {
  const parsed = escalationData.safeParse(data);
  if (!parsed.success) return undefined;
  return author.isExternal ? STAFF_ONLY : replyComposerCard(parsed.data.escalationId);
};

const RELAY_REFUSAL: Record<Exclude<RelayResult, { ok: true }>['reason'], string> = {
  not_allowed: 'Only the support team can reply to customers from here.',
  not_found: 'This escalation no longer exists, so there is no one to send this to.',
  empty: 'Write the reply the customer should read.',
};

/** The composer's Send: the core relays it to the customer's conversation, whatever platform it is on. */
const submitReply: Handler = async (deps, author, data) => {
  const parsed = replyData.safeParse(data);
  if (!parsed.success) return undefined;
  const { escalationId, [REPLY_FIELD]: text = '' } = parsed.data;
  const result = await relayToCustomer(deps.core, escalationId, author, text);
  if (result.ok) return packet(deps, escalationId);
  if (result.reason === 'empty') return replyComposerCard(escalationId, { values: { [REPLY_FIELD]: text }, errors: { [REPLY_FIELD]: RELAY_REFUSAL.empty } });
  return RELAY_REFUSAL[result.reason];
};

const showPacket: Handler = async (deps, _author, data) => {
  const parsed = escalationData.safeParse(data);
  return parsed.success ? packet(deps, parsed.data.escalationId) : undefined;
};

const HANDLERS: Record<string, Handler> = {
  [ACTION.claim]: transition(claimEscalation),
  [ACTION.release]: transition(releaseEscalation),
  [ACTION.close]: openClose,
  [VIEW.closeEscalation]: submitClose,
  [ACTION.replyToCustomer]: openReply,
  [ACTION.sendToCustomer]: submitReply,
  [ACTION.showPacket]: showPacket,
  ...DRAFT_HANDLERS,
  ...TEAMMATE_HANDLERS,
};

/** The verbs of the packet card and its forms. Who may act is decided by the sender's own tenant (TeamsDirectory). */
export const PACKET_VERBS = Object.keys(HANDLERS);

export type PacketAction = (deps: TeamsTurnDeps, ctx: TurnContext, data: unknown) => Promise<CardAnswer | undefined>;

export const PACKET_ACTIONS: Record<string, PacketAction> = Object.fromEntries(
  Object.entries(HANDLERS).map(([verb, handler]) => [
    verb,
    async (deps: TeamsTurnDeps, ctx: TurnContext, data: unknown) => ((await packetPressedHere(deps, ctx, data)) ? handler(deps, await deps.directory.author(ctx), data, ctx) : undefined),
  ]),
);
