import type { CoreDeps } from '../deps.js';
import type { Escalation } from '../escalation/escalation.js';
import type { DraftAnswer } from '../model/decision.js';
import { MAX_RELAY_CHARS, writeRelay } from '../escalation/relay-reply.js';
import { conversationKey } from '../model/conversation-ref.js';
import type { Author } from '../model/message.js';
import { plainDraft } from './draft-text.js';
import { alreadyReviewed, markReviewed, pastDraft, type DraftResult } from './draft-review.js';

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

type Refusal = Exclude<DraftResult, { ok: true }>;

/** The pending draft a specialist may act on, or why they may not. */
async function pendingDraft(deps: Pick<CoreDeps, 'escalations'>, id: string, author: Author): Promise<{ refused: Refusal } | { escalation: Escalation; answer: DraftAnswer }> {
  if (author.isExternal) return { refused: { ok: false, reason: 'not_allowed' } };
  const escalation = await deps.escalations.get(id);
  const answer = escalation?.decision.answer;
  if (!escalation?.draft || !answer) return { refused: { ok: false, reason: 'not_found' } };
  if (escalation.draft.state !== 'pending') return { refused: alreadyReviewed(escalation) };
  return { escalation, answer };
}

/** The draft's text for the "Edit and send" composer, while it still waits for review. */
export async function draftToEdit(deps: Pick<CoreDeps, 'escalations'>, id: string, author: Author): Promise<{ ok: true; text: string } | Refusal> {
  const found = await pendingDraft(deps, id, author);
  if ('refused' in found) return found.refused;
  return { ok: true, text: plainDraft(found.answer.text).slice(0, MAX_RELAY_CHARS) };
}

/**
 * "Send as is" (no `edited` text) or "Edit and send": the text (the draft as plain text, see
 * draft-text.ts, or the specialist's edit of it) reaches the customer through the relay,
 * as "Name from <vendor>: …" like any specialist reply, and Baton answers the thread's next question
 * (as a draft again, in copilot mode). The conversation write is what decides: of two clicks only the
 * one that finds the conversation still waiting on this draft sends. Edited text that only changes
 * spacing counts as sent as is.
 */
export async function sendDraft(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId' | 'policy'>, id: string, author: Author, edited?: string): Promise<DraftResult> {
  const found = await pendingDraft(deps, id, author);
  if ('refused' in found) return found.refused;
  const { escalation, answer } = found;
  const drafted = plainDraft(answer.text);
  const body = (edited ?? drafted).trim().slice(0, MAX_RELAY_CHARS);
  if (!body) return { ok: false, reason: 'empty' };
  const state = edited === undefined || sameText(body, drafted) ? 'sent' : 'edited';
  const sent = await writeRelay(deps, escalation, author, body, (c) => (c.escalationId === id ? pastDraft(c, id, 'bot', deps.clock.now()) : undefined));
  if (!sent) return alreadyReviewed((await deps.escalations.get(id)) ?? escalation);
  await markReviewed(deps, id, state, { id: author.id, name: author.name });
  return { ok: true, state };
}

/**
 * "Discard": nothing of the draft reaches the customer. People have the thread from now on (Baton
 * stays quiet there as after a staff reply, for `takeover.quiet_minutes`), and the packet keeps
 * "Reply to customer" so the specialist can answer in their own words.
 */
export async function discardDraft(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId'>, id: string, author: Author): Promise<DraftResult> {
  const found = await pendingDraft(deps, id, author);
  if ('refused' in found) return found.refused;
  const key = conversationKey(found.escalation.conversation);
  const handed = await deps.locks.run(`conv:${key}`, async () => {
    const conversation = await deps.conversations.get(key);
    if (conversation?.escalationId !== id) return false;
    const at = deps.clock.now();
    await deps.conversations.put({ ...pastDraft(conversation, id, 'human', at), peopleSince: at });
    return true;
  });
  if (!handed) return alreadyReviewed((await deps.escalations.get(id)) ?? found.escalation);
  await markReviewed(deps, id, 'discarded', { id: author.id, name: author.name });
  return { ok: true, state: 'discarded' };
}
