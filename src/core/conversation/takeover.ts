import type { Policy } from '../../config/policy-schema.js';
import type { Conversation } from './conversation.js';

/**
 * A staff reply hands the thread to people. Two exceptions: a specialist's wrap-up right after closing
 * an escalation ("glad that worked") hands nothing over, and an escalation already in progress keeps
 * its own mode.
 */
export function staffTakesOver(policy: Policy, c: Conversation, at: number): boolean {
  if (c.mode !== 'bot') return false;
  const sinceClose = c.lastClosedAt === undefined ? Infinity : at - c.lastClosedAt;
  return sinceClose > policy.takeover.after_close_minutes * 60_000;
}

/** People went quiet in a thread they took over: Baton may answer there again. */
export function takeoverLapsed(policy: Policy, c: Conversation, at: number): boolean {
  if (c.mode !== 'human') return false;
  const lastStaff = c.turns.findLast((t) => t.role === 'staff')?.at ?? c.createdAt;
  return at - Math.max(lastStaff, c.peopleSince ?? 0) > policy.takeover.quiet_minutes * 60_000;
}
