import type { QueuePolicy } from '../../config/policy-schema.js';
import type { Conversation } from '../conversation/conversation.js';
import { queueById } from '../conversation/accounts.js';
import type { CoreDeps } from '../deps.js';
import { withDeliveries } from '../delivery/outbox.js';
import { findAccount } from '../onboarding/channel-directory.js';
import { fillCopy } from '../handoff/customer-copy.js';
import { promiseWords } from '../hours/promise-copy.js';
import { slaDueAt } from '../hours/queue-sla.js';
import type { Decision, PacketTrigger, TriggerType } from '../model/decision.js';
import { triggerInitiator } from '../model/decision.js';
import { pageContext } from '../routing/page-context.js';
import { routeEscalation } from '../routing/route-escalation.js';
import type { Escalation } from './escalation.js';
import { BatonError } from '../errors/error-catalogue.js';

/**
 * A new packet for this conversation, routed like any escalation (a forced `queueId` wins over the
 * routing rules), and the queue it went to.
 */
export async function newPacket(
  deps: Pick<CoreDeps, 'policy' | 'clock' | 'newId' | 'onboarding'>,
  conversation: Conversation,
  decision: Decision,
  trigger: PacketTrigger,
  queueId?: string,
): Promise<{ escalation: Escalation; queue: QueuePolicy; rule: number | null }> {
  const { policy, clock } = deps;
  const account = await findAccount(deps, conversation.accountId);
  if (!account) throw new BatonError('BATON_ACCOUNT_MISSING', `account ${conversation.accountId} is not configured`);
  const page = pageContext(conversation.turns, policy.vendor.product_hosts);
  const forced = queueId ? queueById(policy, queueId) : undefined;
  const route = forced
    ? { queue: forced, rule: null }
    : routeEscalation(policy, { category: decision.category, accountTier: account.tier, page, initiator: triggerInitiator(trigger) });
  const at = clock.now();
  const escalation: Escalation = {
    id: deps.newId(),
    conversation: conversation.ref,
    accountId: account.id,
    queueId: route.queue.id,
    category: decision.category,
    trigger,
    decision,
    status: 'open',
    openedAt: at,
    dueAt: slaDueAt(route.queue, at),
    page,
    version: 0,
    history: [{ type: 'opened', at }],
  };
  return { escalation, queue: route.queue, rule: route.rule };
}

/**
 * Hands the conversation to a specialist: the escalation, the conversation's new mode and the two
 * messages it calls for (the packet in the routed channel, and the customer's notice of who will help
 * and by when) become one conversation write. The delivery runner stores the escalation and posts both;
 * nothing is posted before the write, so a crash either loses the whole decision (the inbox item is
 * still there and is decided again) or none of it.
 */
export async function recordEscalation(
  deps: Pick<CoreDeps, 'policy' | 'clock' | 'log' | 'newId' | 'onboarding'>,
  conversation: Conversation,
  decision: Decision & { trigger: TriggerType },
  copyKey: 'handoff' | 'unavailable' = 'handoff',
  /** A queue that takes it whatever the routing rules say (an answer that could not be delivered). */
  queueId?: string,
): Promise<{ conversation: Conversation; escalation: Escalation }> {
  const { escalation, queue, rule } = await newPacket(deps, conversation, decision, decision.trigger, queueId);
  const at = escalation.openedAt;
  const notice = fillCopy(deps.policy.copy[copyKey], { role: queue.role, ...promiseWords(at, escalation.dueAt, queue.hours) });
  const escalated: Conversation = { ...conversation, mode: 'escalated', escalationId: escalation.id, updatedAt: at };
  const next = withDeliveries(escalated, [
    { id: `${escalation.id}:packet`, kind: 'packet', escalation, createdAt: at },
    { id: `${escalation.id}:notice`, kind: 'customer', purpose: 'notice', message: { kind: 'notice', text: notice }, createdAt: at, escalationId: escalation.id },
  ]);
  deps.log.info({ escalationId: escalation.id, conversation: conversation.key, queue: queue.id, rule, trigger: decision.trigger, page: escalation.page }, 'escalation opened');
  return { conversation: next, escalation };
}
