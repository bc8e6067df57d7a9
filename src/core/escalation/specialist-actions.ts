import type { CoreDeps } from '../deps.js';
import { fillCopy } from '../handoff/customer-copy.js';
import { businessTimeBetween } from '../hours/business-time.js';
import { promiseWords } from '../hours/promise-copy.js';
import type { Author } from '../model/message.js';
import { queueById } from '../conversation/accounts.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';
import { assign, claim, release, type Escalation, type Specialist, type TransitionResult } from './escalation.js';
import { noteInPacketThread } from './packet-thread.js';
import { packetUpdates, refreshPacket } from './publish-packet.js';
import type { Delivery } from '../delivery/delivery.js';

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
  deps: Pick<CoreDeps, 'escalations'>,
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

/**
 * The customer's notice of what a specialist did, for the conversation's outbox: retried, alerted to the
 * default queue when it cannot be delivered, and posted at the customer channel's own pace, never behind
 * packet updates (recorded in the same write, ahead of them).
 */
function customerNotice(deps: Pick<CoreDeps, 'clock'>, e: Escalation, what: 'claimed' | 'released' | 'assigned', text: string): Delivery {
  const message = { kind: 'notice' as const, text };
  return { id: `${e.id}:${what}:${e.version}`, kind: 'customer', purpose: 'notice', message, createdAt: deps.clock.now(), escalationId: e.id };
}

/** The claim itself; `changed` says this call made it (of two racing clicks, one does). */
async function takeClaim(deps: Pick<CoreDeps, 'clock' | 'escalations' | 'log'>, id: string, author: Author): Promise<{ result: ActionResult; changed: boolean }> {
  const who = asSpecialist(author);
  if (!who) return { result: { ok: false, reason: 'not_allowed' }, changed: false };
  const taken = await transition(deps, id, (e) => claim(e, who, deps.clock.now()));
  if (taken.changed) deps.log.info({ escalationId: id, by: who.id }, 'escalation claimed');
  return taken;
}

/**
 * Claim, from the button or by relaying a reply to the customer (`tell: false`: the reply itself tells
 * them a person is there). The customer's notice is recorded before the packet's update, so it never
 * waits on the packet's update rate.
 */
export async function claimEscalation(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId' | 'policy'>, id: string, author: Author, tell = true): Promise<ActionResult> {
  const { result, changed } = await takeClaim(deps, id, author);
  if (!result.ok || !changed) return result;
  const notice = tell ? [customerNotice(deps, result.escalation, 'claimed', fillCopy(deps.policy.copy.claimed, { name: author.name ?? 'A specialist' }))] : [];
  await recordDeliveries(deps, result.escalation.conversation, [...notice, ...packetUpdates(deps, result.escalation)]);
  return result;
}

/**
 * Gives the escalation to a teammate, who becomes its claimer: the customer hears who has it, as after a
 * claim, and the packet thread records who gave it to whom. Both must be staff.
 */
export async function assignEscalation(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId' | 'policy'>, id: string, author: Author, assignee: Author): Promise<ActionResult> {
  const by = asSpecialist(author);
  const to = asSpecialist(assignee);
  if (!by || !to) return { ok: false, reason: 'not_allowed' };
  const { result, changed } = await transition(deps, id, (e) => assign(e, to, by, deps.clock.now()));
  if (!result.ok || !changed) return result;
  deps.log.info({ escalationId: id, by: by.id, to: to.id }, 'escalation assigned');
  await recordDeliveries(deps, result.escalation.conversation, [customerNotice(deps, result.escalation, 'assigned', fillCopy(deps.policy.copy.claimed, { name: to.name ?? 'A specialist' }))]);
  await noteInPacketThread(deps, result.escalation, `${by.name ?? 'A specialist'} assigned this to ${to.name ?? 'a teammate'}.`);
  await refreshPacket(deps, result.escalation);
  return result;
}

/**
 * Claim by answering the customer in their own thread, under the conversation's lock: the customer is
 * told by the reply itself, and the packet's updates are returned for the caller's conversation write.
 */
export async function claimByReply(deps: Pick<CoreDeps, 'clock' | 'escalations' | 'log' | 'newId'>, id: string, author: Author): Promise<Delivery[]> {
  const { result, changed } = await takeClaim(deps, id, author);
  return result.ok && changed ? packetUpdates(deps, result.escalation) : [];
}

/** Below this much time left of the SLA, a release names no time to the customer. */
const RELEASE_MIN_MINUTES_LEFT = 15;

export async function releaseEscalation(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId' | 'policy'>, id: string, author: Author): Promise<ActionResult> {
  const who = asSpecialist(author);
  if (!who) return { ok: false, reason: 'not_allowed' };
  const { result, changed } = await transition(deps, id, (e) => release(e, who, deps.clock.now()));
  if (!result.ok || !changed) return result;
  deps.log.info({ escalationId: id, by: who.id }, 'escalation released');
  const queue = queueById(deps.policy, result.escalation.queueId);
  const notice: Delivery[] = [];
  if (queue) {
    // The first promise still stands (the SLA timers track it); with little of its business time left,
    // no new time is promised that nothing would track, and "within 1 minute" is never said.
    const now = deps.clock.now();
    const left = businessTimeBetween(now, result.escalation.dueAt, queue.hours) / 60_000;
    const copy = left >= RELEASE_MIN_MINUTES_LEFT ? deps.policy.copy.released : deps.policy.copy.released_late;
    notice.push(customerNotice(deps, result.escalation, 'released', fillCopy(copy, { role: queue.role, ...promiseWords(now, result.escalation.dueAt, queue.hours) })));
  }
  await recordDeliveries(deps, result.escalation.conversation, [...notice, ...packetUpdates(deps, result.escalation)]);
  return result;
}
