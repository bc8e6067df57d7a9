import type { Conversation } from '../conversation/conversation.js';
import type { Delivery } from './delivery.js';

export function pendingDeliveries(c: Conversation): Delivery[] {
  return c.outbox ?? [];
}

export function withDeliveries(c: Conversation, deliveries: Delivery[]): Conversation {
  return { ...c, outbox: [...pendingDeliveries(c), ...deliveries] };
}

export function withoutDelivery(c: Conversation, id: string): Conversation {
  return { ...c, outbox: pendingDeliveries(c).filter((d) => d.id !== id) };
}
