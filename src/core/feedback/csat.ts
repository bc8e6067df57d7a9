import type { Conversation } from '../conversation/conversation.js';
import { buttonStanding, customersOf } from '../conversation/own-customers.js';
import type { LoopDeps } from '../deps.js';
import type { Author } from '../model/message.js';
import type { CsatPrompt } from '../ports/loop-gateway.js';

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

async function inCooldown(deps: LoopDeps, customers: string[], now: number): Promise<boolean> {
  const window = deps.policy.csat.cooldown_days * DAY;
  const last = await Promise.all(customers.map((c) => deps.loop.csat.lastAsked(c)));
  return last.some((t) => t !== undefined && now - t < window);
}

/**
 * Asks the conversation's customer for a one-click rating, once per conversation ever, for a sample
 * of conversations, and never a customer asked within the cooldown (whatever the thread).
 */
export async function askCsat(deps: LoopDeps, conversation: Conversation, subject: 'escalation' | 'baton', escalationId?: string): Promise<AskOutcome> {
  const { csat } = deps.policy;
  if (!csat.enabled) return 'disabled';
  const customers = customersOf(conversation);
  if (customers.length === 0) return 'no_customer';
  if (!isSampled(conversation.key, csat.sample_rate)) return 'not_sampled';
  const now = deps.clock.now();
  if (await inCooldown(deps, customers, now)) return 'cooldown';
  if (!(await deps.once.claimOnce(`csat-ask:${conversation.key}`, ASKED_ONCE_TTL_MS))) return 'already_asked';
  const prompt: CsatPrompt = { question: csat.question, conversationKey: conversation.key, scale: CSAT_SCALE };
  try {
    const messageId = await deps.loop.notify.askCsat(conversation.ref, prompt);
    await deps.loop.csat.put({ conversationKey: conversation.key, ref: conversation.ref, subject, ...(escalationId ? { escalationId } : {}), askedAt: now, customers, messageId });
    await deps.loop.csat.markAsked(customers, now);
    deps.log.info({ conversation: conversation.key, subject, escalationId }, 'CSAT asked');
    return 'asked';
  } catch (err) {
    deps.log.error({ err, conversation: conversation.key }, 'could not ask for a CSAT rating');
    return 'failed';
  }
}

export type RateResult =
  | { ok: true; rating: number }
  | { ok: false; reason: 'not_found' | 'not_your_conversation' | 'already_rated' | 'invalid' };

/** One rating per conversation, and only from that conversation's own customers. */
export async function rateConversation(deps: LoopDeps, conversationKey: string, author: Author, rating: number): Promise<RateResult> {
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
    await deps.loop.notify.thankForCsat(record.ref, record.messageId, deps.policy.csat.thanks).catch((err: unknown) => {
      deps.log.warn({ err, conversation: conversationKey }, 'could not replace the rating buttons');
    });
  }
  return { ok: true, rating };
}
