import type { Conversation } from '../conversation/conversation.js';
import { buttonStanding, customersOf } from '../conversation/own-customers.js';
import type { CoreDeps, LoopDeps } from '../deps.js';
import type { Delivery } from '../delivery/delivery.js';
import { recordDeliveries } from '../delivery/record-deliveries.js';
import type { DeliveryTag } from '../ports/chat-gateway.js';
import type { Author } from '../model/message.js';
import type { CsatPrompt } from '../model/csat-prompt.js';

type CsatDelivery = Extract<Delivery, { kind: 'csat' | 'csat-thanks' }>;

const DAY = 24 * 60 * 60 * 1000;
/** The one-ask-per-conversation marker outlives any report period. */
const ASKED_ONCE_TTL_MS = 400 * DAY;

export const CSAT_SCALE: CsatPrompt['scale'] = [
  { value: 1, label: 'Poor' },
  { value: 2, label: 'Fair' },
  { value: 3, label: 'Okay' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Great' },
];

export type AskOutcome = 'asked' | 'disabled' | 'no_customer' | 'not_sampled' | 'cooldown' | 'already_asked' | 'failed';

/** A stable choice per conversation (FNV-1a of its key), so a retry never flips the sampling decision. */
export function isSampled(key: string, rate: number): boolean {
  if (rate >= 1) return true;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h / 0x1_0000_0000 < rate;
}

async function inCooldown(deps: Pick<LoopDeps, 'loop' | 'policy'>, customers: string[], now: number): Promise<boolean> {
  const window = deps.policy.csat.cooldown_days * DAY;
  const last = await Promise.all(customers.map((c) => deps.loop.csat.lastAsked(c)));
  return last.some((t) => t !== undefined && now - t < window);
}

/**
 * Asks the conversation's customer for a one-click rating, once per conversation ever, for a sample
 * of conversations, and never a customer asked within the cooldown (whatever the thread).
 */
export async function askCsat(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'deliveries' | 'locks' | 'log' | 'loop' | 'once' | 'policy'>, conversation: Conversation, subject: 'escalation' | 'baton', escalationId?: string): Promise<AskOutcome> {
  const { csat } = deps.policy;
  if (!csat.enabled) return 'disabled';
  const customers = customersOf(conversation);
  if (customers.length === 0) return 'no_customer';
  if (!isSampled(conversation.key, csat.sample_rate)) return 'not_sampled';
  const now = deps.clock.now();
  if (await inCooldown(deps, customers, now)) return 'cooldown';
  if (!(await deps.once.claimOnce(`csat-ask:${conversation.key}`, ASKED_ONCE_TTL_MS))) return 'already_asked';
  const prompt: CsatPrompt = { question: csat.question, conversationKey: conversation.key, scale: CSAT_SCALE };
  const ask: Delivery = { id: `csat:${conversation.key}`, kind: 'csat', prompt, subject, ...(escalationId ? { escalationId } : {}), customers, createdAt: now };
  try {
    await deps.loop.csat.markAsked(customers, now);
    if (!(await recordDeliveries(deps, conversation.ref, [ask]))) return 'failed';
    deps.log.info({ conversation: conversation.key, subject, escalationId }, 'CSAT prompt recorded');
    return 'asked';
  } catch (err) {
    deps.log.error({ err, conversation: conversation.key }, 'could not ask for a CSAT rating');
    return 'failed';
  }
}

/**
 * Delivers a recorded rating prompt (looked for first when an earlier attempt may have sent it), then
 * stores the CSAT record its buttons rate; or replaces the buttons with the thank-you.
 */
export async function deliverCsat(deps: Pick<CoreDeps, 'gateway' | 'log' | 'loop'>, conversation: Conversation, d: CsatDelivery, maybeSent: boolean, tag: DeliveryTag): Promise<boolean> {
  if (!deps.loop) throw new Error('a rating prompt was recorded where the loop does not run');
  const { ref, key } = conversation;
  if (d.kind === 'csat-thanks') {
    await deps.loop.notify.thankForCsat(ref, d.messageId, d.text);
    return true;
  }
  const found = maybeSent ? await deps.gateway.findDelivered({ ...ref, since: d.createdAt }, d.id) : undefined;
  const messageId = found ?? (await deps.loop.notify.askCsat(ref, d.prompt, tag)).sent;
  await deps.loop.csat.put({ conversationKey: key, ref, subject: d.subject, ...(d.escalationId ? { escalationId: d.escalationId } : {}), askedAt: d.createdAt, customers: d.customers, messageId });
  deps.log.info({ conversation: key, subject: d.subject, escalationId: d.escalationId }, 'CSAT asked');
  return true;
}

export type RateResult =
  | { ok: true; rating: number }
  | { ok: false; reason: 'not_found' | 'not_your_conversation' | 'already_rated' | 'invalid' };

/** One rating per conversation, and only from that conversation's own customers. */
export async function rateConversation(deps: Pick<LoopDeps, 'clock' | 'conversations' | 'deliveries' | 'locks' | 'log' | 'loop' | 'policy'>, conversationKey: string, author: Author, rating: number): Promise<RateResult> {
  if (!CSAT_SCALE.some((s) => s.value === rating)) return { ok: false, reason: 'invalid' };
  const now = deps.clock.now();
  const result = await deps.loop.csat.update<RateResult>(conversationKey, (current) => {
    if (buttonStanding(current.customers, author) !== 'own_customer') return { result: { ok: false, reason: 'not_your_conversation' } };
    if (current.rating !== undefined) return { result: { ok: false, reason: 'already_rated' } };
    const next = { ...current, rating, ratedAt: now, ratedBy: author.id };
    return { next, result: { ok: true, rating } };
  });
  if (!result) return { ok: false, reason: 'not_found' };
  if (!result.ok) return result;
  deps.log.info({ conversation: conversationKey, rating }, 'CSAT rated');
  const record = await deps.loop.csat.get(conversationKey);
  if (record?.messageId) {
    const thanks: Delivery = { id: `csat-thanks:${conversationKey}`, kind: 'csat-thanks', messageId: record.messageId, text: deps.policy.csat.thanks, createdAt: now };
    await recordDeliveries(deps, record.ref, [thanks]).catch((err: unknown) => {
      deps.log.warn({ err, conversation: conversationKey }, 'could not record the thank-you replacing the rating buttons');
    });
  }
  return { ok: true, rating };
}
