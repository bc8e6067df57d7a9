import type { Turn } from '../model/message.js';

/** Every clarifying question's delivery id starts so: how a stored turn is known to have asked one. */
export const CLARIFY_DELIVERY_PREFIX = 'clarify:';

/** A bot turn that asked a clarifying question rather than answered. */
export function isClarifyingQuestion(t: Turn): boolean {
  return t.role === 'bot' && t.deliveryId?.startsWith(CLARIFY_DELIVERY_PREFIX) === true;
}
