import { type Conversation, withDecision } from '../conversation/conversation.js';
import { queueChannel } from '../conversation/accounts.js';
import { undeliveredNoticeAlert } from '../copy/delivery-alerts.js';
import type { CoreDeps } from '../deps.js';
import { recordEscalation } from '../escalation/open-escalation.js';
import type { Decision } from '../model/decision.js';
import { findAccount } from '../onboarding/channel-directory.js';
import type { Delivery } from './delivery.js';
import { pendingDeliveries, withDeliveries, withoutDelivery } from './outbox.js';

/**
 * A customer message still undelivered after the retry window: nobody is left in silence.
 * - an answer (or a clarifying question) is taken back and the conversation is handed to the default
 *   queue, whose packet says why;
 * - a handoff notice becomes an alert in the default queue's channel (Slack or Teams), naming the customer's
 *   platform and linking their thread, so a person reaches the customer.
 * Packets and alerts go to internal channels and are retried until they land, so they never get here.
 */
export async function giveUpDelivery(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'gateway' | 'locks' | 'log' | 'newId' | 'onboarding' | 'policy'>, key: string, id: string): Promise<void> {
  await deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    const delivery = conversation ? pendingDeliveries(conversation).find((d) => d.id === id) : undefined;
    if (!conversation || delivery?.kind !== 'customer') return;
    deps.log.error({ conversation: key, delivery: id, purpose: delivery.purpose }, 'customer message undelivered past the retry window; handing it to the default queue');
    const rest = withoutDelivery(conversation, id);
    const next = delivery.purpose === 'notice' ? await withAlert(deps, rest, delivery) : await handOverUnanswered(deps, rest, id, delivery.purpose === 'answer');
    await deps.conversations.put(next);
  });
  deps.deliveries?.schedule(key);
}

async function handOverUnanswered(deps: Pick<CoreDeps, 'clock' | 'log' | 'newId' | 'onboarding' | 'policy'>, c: Conversation, id: string, answer: boolean): Promise<Conversation> {
  const taken: Conversation = { ...c, turns: c.turns.filter((t) => t.deliveryId !== id), botAnswers: Math.max(0, c.botAnswers - (answer ? 1 : 0)) };
  const last = c.decisions.at(-1);
  // A person already has the thread (a later message escalated it): the answer is simply dropped.
  if (taken.mode !== 'bot' || !last) return taken;
  const undelivered: Decision = { ...last, action: 'escalate', trigger: 'engine_error', rule: `${last.rule}; the answer could not be delivered` };
  const decided = withDecision(taken, undelivered);
  return (await recordEscalation(deps, decided, { ...undelivered, trigger: 'engine_error' }, 'unavailable', deps.policy.routing.default_queue)).conversation;
}

async function withAlert(deps: Pick<CoreDeps, 'boards' | 'clock' | 'gateway' | 'onboarding' | 'policy'>, c: Conversation, notice: Delivery & { kind: 'customer' }): Promise<Conversation> {
  const channel = queueChannel(deps, deps.policy.routing.default_queue, c.ref.platform);
  if (!channel) return c;
  const link = await deps.gateway.linkTo(c.ref).catch(() => undefined);
  const text = undeliveredNoticeAlert({
    customer: c.ref,
    accountName: (await findAccount(deps, c.accountId))?.name ?? c.accountId,
    text: notice.message.text,
    ...(notice.escalationId ? { escalationId: notice.escalationId } : {}),
    ...(link ? { link } : {}),
  });
  return withDeliveries(c, [{ id: `${notice.id}:alert`, kind: 'alert', channel, text, createdAt: deps.clock.now() }]);
}
