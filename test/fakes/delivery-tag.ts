import type { Clearance, DeliveryTag } from '../../src/core/ports/chat-gateway.js';

/** A delivery tag as the outbox makes one, for a test that calls a gateway directly. */
export function testTag(id = 'test-delivery'): DeliveryTag {
  return { id, beforeSend: async () => ({}) as Clearance };
}
