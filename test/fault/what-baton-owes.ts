import { openStores } from '../../src/infra/store/open-stores.js';
import { KeyvInbox } from '../../src/infra/store/keyv-inbox.js';
import type { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { outcomes, type Sent } from './slack-redelivery.js';

/** Every customer has an answer or a handoff notice, and every notice's escalation its packet. */
export async function untilEveryoneHeardBack(f: FakeSlackApi, sent: Sent[], queues: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const notices = () => f.calls('chat.postMessage').filter((c) => c.response.ok && typeof c.args.thread_ts === 'string' && String(c.args.text).includes('specialist')).length;
  const done = () => {
    const seen = outcomes(f, sent, queues);
    return seen.unanswered === 0 && seen.packets.size >= notices();
  };
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
}

/** After a clean stop: nothing left in the inbox, no conversation with an undelivered message, every escalation with its packet. */
export async function whatBatonStillOwes(store: string, sent: Sent[]) {
  const inbox = await KeyvInbox.open(store);
  const stores = await openStores(store);
  try {
    const pendingInbox = (await inbox.pending()).length;
    let undelivered = 0;
    const escalationIds: string[] = [];
    for (const s of sent) {
      const c = await stores.conversations.get(`slack:${s.channel}:${s.ts}`);
      undelivered += c?.outbox?.length ?? 0;
      if (c?.escalationId) escalationIds.push(c.escalationId);
    }
    const escalations = await Promise.all(escalationIds.map((id) => stores.escalations.get(id)));
    return { pendingInbox, undelivered, escalationIds, withoutPacket: escalations.filter((e) => !e?.packet).length };
  } finally {
    await inbox.close();
    await stores.close();
  }
}

/**
 * Waits, up to `timeoutMs`, until Baton's own store says it owes nothing more: every customer may have
 * heard back while a packet's post is still being retried (Slack failing some calls), and stopping then
 * would leave it owed. Reads the store the running process writes; the assertions come after the stop.
 */
export async function untilNothingOwed(store: string, sent: Sent[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const owed = await whatBatonStillOwes(store, sent);
    if ((owed.pendingInbox === 0 && owed.undelivered === 0 && owed.withoutPacket === 0) || Date.now() >= deadline) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
