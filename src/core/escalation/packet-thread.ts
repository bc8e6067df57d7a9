import type { CoreDeps } from '../deps.js';
import type { Escalation } from './escalation.js';

/** A line in the packet thread; the thread is only a record, so a failure is logged and nothing more. */
export async function noteInPacketThread(deps: CoreDeps, escalation: Escalation, text: string): Promise<void> {
  if (!escalation.packet) return;
  await deps.gateway.postInternal(escalation.packet, text).catch((err: unknown) => {
    deps.log.warn({ err, escalationId: escalation.id }, 'could not write in the packet thread');
  });
}
