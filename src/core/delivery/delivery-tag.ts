import type { Clearance, DeliveryTag } from '../ports/chat-gateway.js';

/** The one place a clearance is made: the outbox's own `beforeSend`, which every send must run. */
const CLEARED = Object.freeze({}) as Clearance;

/** The tag a recorded delivery is sent under: its id, and what the outbox must know right before it goes. */
export function deliveryTag(id: string, beforeSend?: () => Promise<unknown>): DeliveryTag {
  return {
    id,
    beforeSend: async () => {
      await beforeSend?.();
      return CLEARED;
    },
  };
}
