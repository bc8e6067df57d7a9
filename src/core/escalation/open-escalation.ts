import type { Conversation } from '../conversation/conversation.js';
import { accountById } from '../conversation/accounts.js';
import type { CoreDeps } from '../deps.js';
import { fillCopy, humanDuration } from '../handoff/customer-copy.js';
import type { Decision, TriggerType } from '../model/decision.js';
import { triggerInitiator } from '../model/decision.js';
import { pageContext } from '../routing/page-context.js';
import { routeEscalation } from '../routing/route-escalation.js';
import type { Escalation } from './escalation.js';
import { publishPacket } from './publish-packet.js';

/**
 * Hands the conversation to a specialist: stores the escalation first (so nothing is lost if Slack is
 * down), posts the packet in the routed channel, then tells the customer who will help and by when.
 * Runs under the conversation's lock; returns the conversation as it now stands.
 */
export async function openEscalation(
  deps: CoreDeps,
  conversation: Conversation,
  decision: Decision & { trigger: TriggerType },
  copyKey: 'handoff' | 'unavailable' = 'handoff',
): Promise<{ conversation: Conversation; escalation: Escalation }> {
  const { policy, clock } = deps;
  const account = accountById(policy, conversation.accountId);
  if (!account) throw Object.assign(new Error(`account ${conversation.accountId} is not configured`), { code: 'BATON_ACCOUNT_MISSING' });
  const page = pageContext(conversation.turns, policy.vendor.product_hosts);
  const route = routeEscalation(policy, {
    category: decision.category,
    accountTier: account.tier,
    page,
    initiator: triggerInitiator(decision.trigger),
  });
  const at = clock.now();
  let escalation: Escalation = {
    id: deps.newId(),
    conversation: conversation.ref,
    accountId: account.id,
    queueId: route.queue.id,
    category: decision.category,
    trigger: decision.trigger,
    decision,
    status: 'open',
    openedAt: at,
    dueAt: at + route.queue.sla_minutes * 60_000,
    page,
    version: 0,
    history: [{ type: 'opened', at }],
  };
  await deps.escalations.create(escalation);
  const next: Conversation = { ...conversation, mode: 'escalated', escalationId: escalation.id, updatedAt: at };
  await deps.conversations.put(next);
  const log = deps.log.child({ escalationId: escalation.id, conversation: conversation.key });
  log.info({ queue: route.queue.id, rule: route.rule, trigger: decision.trigger, page }, 'escalation opened');

  escalation = (await publishPacket(deps, escalation, next)) ?? escalation;
  const notice = fillCopy(policy.copy[copyKey], { role: route.queue.role, sla: humanDuration(route.queue.sla_minutes) });
  // The escalation is stored and the specialists have it: a failed notice must not undo or hide that.
  await deps.gateway.replyToCustomer(conversation.ref, { kind: 'notice', text: notice }).catch((err: unknown) => {
    log.error({ err }, 'could not tell the customer about the handoff');
  });
  return { conversation: next, escalation };
}
