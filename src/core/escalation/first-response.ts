import type { CoreDeps } from '../deps.js';

/**
 * Marks when a person's own words first reached the customer of an escalation (a relayed reply, or a
 * reply written in the customer's thread): the report's first-response time. Later replies change
 * nothing, nor does a word after the close (it answered nothing the escalation was waiting for).
 */
export async function firstResponse(deps: Pick<CoreDeps, 'clock' | 'escalations'>, escalationId: string): Promise<void> {
  const at = deps.clock.now();
  await deps.escalations.update(escalationId, (e) => ({ next: e.firstResponseAt === undefined && e.status !== 'resolved' ? { ...e, firstResponseAt: at } : undefined, result: undefined }));
}
