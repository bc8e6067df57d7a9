import type { CoreDeps } from '../deps.js';
import type { Author } from '../model/message.js';
import type { Escalation, InternalNote } from './escalation.js';
import { noteInPacketThread } from './packet-thread.js';

/** A note is a few lines for colleagues, like a reply to the customer. */
export const MAX_NOTE_CHARS = 3000;

export type NoteResult = { ok: true; escalation: Escalation; note: InternalNote } | { ok: false; reason: 'not_allowed' | 'not_found' | 'empty' | 'too_long' };

/**
 * How a note reads in the packet thread, on every platform. Its label is one the customer guard stops
 * (customer-guard.ts), so none of Baton's answers ever carries a note's line.
 */
export function noteLine(note: InternalNote): string {
  return `Internal note from ${note.by.name ?? 'a specialist'}: ${note.text}`;
}

/**
 * A staff member's internal note on an escalation: kept with the escalation (it survives restarts and
 * shows in the inbox), and posted in the packet thread. It is never a conversation turn nor an outbox
 * delivery, so no path leads it to the customer.
 */
export async function addInternalNote(deps: Pick<CoreDeps, 'clock' | 'conversations' | 'deliveries' | 'escalations' | 'locks' | 'log' | 'newId'>, escalationId: string, author: Author, text: string): Promise<NoteResult> {
  if (author.isExternal) return { ok: false, reason: 'not_allowed' };
  const body = text.trim();
  if (!body) return { ok: false, reason: 'empty' };
  if (body.length > MAX_NOTE_CHARS) return { ok: false, reason: 'too_long' };
  const note: InternalNote = { at: deps.clock.now(), by: { id: author.id, ...(author.name ? { name: author.name } : {}) }, text: body };
  const escalation = await deps.escalations.update(escalationId, (e) => {
    const next = { ...e, notes: [...(e.notes ?? []), note] };
    return { next, result: next };
  });
  if (!escalation) return { ok: false, reason: 'not_found' };
  deps.log.info({ escalationId, by: author.id, length: body.length }, 'internal note added');
  await noteInPacketThread(deps, escalation, noteLine(note));
  return { ok: true, escalation, note };
}
