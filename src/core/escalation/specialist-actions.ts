import type { CoreDeps } from '../deps.js';
import { fillCopy, humanDuration } from '../handoff/customer-copy.js';
import type { Author } from '../model/message.js';
import { queueById } from '../conversation/accounts.js';
import { claim, release, type Escalation, type Specialist, type TransitionResult } from './escalation.js';
import { refreshPacket } from './publish-packet.js';

export type ActionResult =
  | TransitionResult
  | { ok: false; reason: 'not_allowed' }
  | { ok: false; reason: 'not_found' };

/** Customers share the channel but never act on escalations (platform-facts §2.3). */
function asSpecialist(author: Author): Specialist | undefined {
  return author.isExternal ? undefined : { id: author.id, name: author.name };
}

/** Compare-and-set through the store: of two racing clicks exactly one changes the escalation. */
async function transition(
  deps: CoreDeps,
  id: string,
  step: (e: Escalation) => TransitionResult,
): Promise<{ result: ActionResult; changed: boolean }> {
  const outcome = await deps.escalations.update(id, (current) => {
    const result = step(current);
    const changed = result.ok && result.escalation.version !== current.version;
    return { next: changed && result.ok ? result.escalation : undefined, result: { result, changed } };
  });
  return outcome ?? { result: { ok: false, reason: 'not_found' }, changed: false };
}

export async function claimEscalation(deps: CoreDeps, id: string, author: Author): Promise<ActionResult> {
  const who = asSpecialist(author);
  if (!who) return { ok: false, reason: 'not_allowed' };
  const { result, changed } = await transition(deps, id, (e) => claim(e, who, deps.clock.now()));
  if (!result.ok || !changed) return result;
  deps.log.info({ escalationId: id, by: who.id }, 'escalation claimed');
  await refreshPacket(deps, result.escalation);
  const text = fillCopy(deps.policy.copy.claimed, { name: who.name ?? 'A specialist' });
  await deps.gateway.replyToCustomer(result.escalation.conversation, { kind: 'notice', text }).catch((err: unknown) => {
    deps.log.error({ err, escalationId: id }, 'could not tell the customer who claimed');
  });
  return result;
}

export async function releaseEscalation(deps: CoreDeps, id: string, author: Author): Promise<ActionResult> {
  const who = asSpecialist(author);
  if (!who) return { ok: false, reason: 'not_allowed' };
  const { result, changed } = await transition(deps, id, (e) => release(e, who, deps.clock.now()));
  if (!result.ok || !changed) return result;
  deps.log.info({ escalationId: id, by: who.id }, 'escalation released');
  await refreshPacket(deps, result.escalation);
  const queue = queueById(deps.policy, result.escalation.queueId);
  if (queue) {
    // Past the promised time, the customer hears a fresh full SLA rather than "within 1 minute".
    const left = Math.round((result.escalation.dueAt - deps.clock.now()) / 60_000);
    const remaining = left >= 1 ? left : queue.sla_minutes;
    const text = fillCopy(deps.policy.copy.released, { role: queue.role, sla: humanDuration(remaining) });
    await deps.gateway.replyToCustomer(result.escalation.conversation, { kind: 'notice', text }).catch((err: unknown) => {
      deps.log.error({ err, escalationId: id }, 'could not tell the customer about the release');
    });
  }
  return result;
}
