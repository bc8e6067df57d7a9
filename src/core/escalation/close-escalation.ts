import type { Policy } from '../../config/policy-schema.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { CoreDeps } from '../deps.js';
import type { Author } from '../model/message.js';
import { CLOSE_FIELD } from '../model/actions.js';
import { AI_ACCURACY, AUTOMATION_POTENTIAL, resolve, type AiAccuracy, type AutomationPotential, type CloseTags } from './escalation.js';
import { packetUpdates } from './publish-packet.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';
import { withDeliveries } from '../delivery/outbox.js';
import { askCsatAfterClose } from '../feedback/csat-after-close.js';

export interface Option {
  value: string;
  label: string;
}

/** The three-field tagging form, channel-neutral; adapters render it as a modal or a card. */
export interface CloseForm {
  escalationId: string;
  rootCauses: Option[];
  aiAccuracy: Option[];
  automation: Option[];
}

const ACCURACY_LABEL: Record<AiAccuracy, string> = { correct: 'Correct', partially_correct: 'Partially correct', off_base: 'Off-base' };
const AUTOMATION_LABEL: Record<AutomationPotential, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };

export function closeForm(policy: Policy, escalationId: string): CloseForm {
  return {
    escalationId,
    rootCauses: policy.root_causes.map((r) => ({ value: r.id, label: r.label })),
    aiAccuracy: AI_ACCURACY.map((v) => ({ value: v, label: ACCURACY_LABEL[v] })),
    automation: AUTOMATION_POTENTIAL.map((v) => ({ value: v, label: AUTOMATION_LABEL[v] })),
  };
}

export interface CloseInput {
  rootCause?: string;
  aiAccuracy?: string;
  automation?: string;
  note?: string;
}

export type CloseResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<(typeof CLOSE_FIELD)[keyof typeof CLOSE_FIELD], string>> }
  | { ok: false; reason: 'not_allowed' | 'not_found' | 'already_resolved' };

type FieldErrors = Extract<CloseResult, { reason: 'invalid' }>['errors'];

/** Field errors keyed by form field, or undefined when the three tags are all there. Pure and fast. */
export function validateClose(policy: Policy, input: CloseInput): FieldErrors | undefined {
  const errors: FieldErrors = {};
  if (!policy.root_causes.some((r) => r.id === input.rootCause)) errors[CLOSE_FIELD.rootCause] = 'Pick the root cause.';
  if (!(AI_ACCURACY as readonly string[]).includes(input.aiAccuracy ?? '')) errors[CLOSE_FIELD.aiAccuracy] = 'Say how accurate Baton was.';
  if (!(AUTOMATION_POTENTIAL as readonly string[]).includes(input.automation ?? '')) {
    errors[CLOSE_FIELD.automation] = 'Say whether Baton could handle this next time.';
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function toTags(input: CloseInput): CloseTags {
  const note = input.note?.trim();
  return {
    rootCause: input.rootCause!,
    aiAccuracy: input.aiAccuracy as AiAccuracy,
    automation: input.automation as AutomationPotential,
    ...(note ? { note } : {}),
  };
}

/** Stores the three tags, marks the packet resolved and hands the thread back to Baton. */
export async function closeEscalation(deps: CoreDeps, id: string, author: Author, input: CloseInput): Promise<CloseResult> {
  if (author.isExternal) return { ok: false, reason: 'not_allowed' };
  const errors = validateClose(deps.policy, input);
  if (errors) return { ok: false, reason: 'invalid', errors };
  const tags = toTags(input);
  const who = { id: author.id, name: author.name };
  const outcome = await deps.escalations.update(id, (current) => {
    const r = resolve(current, who, tags, deps.clock.now());
    return { next: r.ok ? r.escalation : undefined, result: r };
  });
  if (!outcome) return { ok: false, reason: 'not_found' };
  if (!outcome.ok) return { ok: false, reason: 'already_resolved' };
  const escalation = outcome.escalation;
  // The note is the specialist's free text and may quote the customer's data: logged by length only.
  const { note, ...labels } = tags;
  deps.log.info({ escalationId: id, by: who.id, tags: labels, noteLength: note?.length ?? 0 }, 'escalation resolved');
  const key = conversationKey(escalation.conversation);
  const now = deps.clock.now();
  // The thread goes back to Baton, the packet shows the close and the customer is told, in one write.
  const told = { id: `${id}:resolved`, kind: 'customer' as const, purpose: 'notice' as const, message: { kind: 'notice' as const, text: deps.policy.copy.resolved }, createdAt: now, escalationId: id };
  const written = await deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    if (!conversation || conversation.escalationId !== id) return false;
    const back = { ...conversation, mode: 'bot' as const, escalationId: undefined, pastEscalationIds: [...conversation.pastEscalationIds, id], lastClosedAt: now, updatedAt: now };
    await deps.conversations.put(withDeliveries(back, [...packetUpdates(deps, escalation), told]));
    return true;
  });
  if (written) deps.deliveries?.schedule(key);
  else await recordDeliveries(deps, escalation.conversation, [...packetUpdates(deps, escalation), told]);
  if (deps.loop) await askCsatAfterClose({ ...deps, loop: deps.loop }, escalation);
  return { ok: true };
}
