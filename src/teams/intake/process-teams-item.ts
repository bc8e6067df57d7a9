import { handleMessage } from '../../core/conversation/handle-message.js';
import { requestHuman } from '../../core/conversation/request-human.js';
import type { CoreDeps } from '../../core/deps.js';
import { conversationKey } from '../../core/model/conversation-ref.js';
import type { InboxItem } from '../../core/ports/inbox.js';
import type { Metrics } from '../../core/ports/metrics.js';
import type { DeliveryRunner } from '../../infra/delivery/delivery-runner.js';
import type { InboxWorker } from '../../infra/intake/inbox-worker.js';
import type { TeamsInboxPayload } from './teams-inbox-item.js';

export interface TeamsIntakeDeps {
  core: CoreDeps;
  runner: DeliveryRunner;
  metrics: Metrics;
  worker(): InboxWorker;
}

/**
 * Decides one Teams inbox item through the core, like a Slack one: the item stays in the inbox until
 * the conversation's messages are delivered, so a crash in between resumes it. The author was resolved
 * before Teams got its 200 (the member look-up needs the turn), so nothing is looked up here.
 */
export function teamsItemHandler(deps: TeamsIntakeDeps): (item: InboxItem, recovered: boolean) => Promise<void> {
  return async (item, recovered) => {
    const payload = item.payload as TeamsInboxPayload;
    let key: string;
    if (payload.kind === 'message') {
      await handleMessage(deps.core, payload.message);
      key = conversationKey(payload.message.ref);
    } else {
      await requestHuman(deps.core, payload.conversationKey, payload.author);
      key = payload.conversationKey;
    }
    deps.metrics.eventProcessed('teams', 'ok');
    if (recovered) await deps.runner.resume(key);
    void deps.runner
      .settled(key)
      .then(() => deps.worker().finish(item.id))
      .catch((err: unknown) => deps.core.log.error({ err, item: item.id }, 'could not clear a delivered inbox item; it is taken again after a restart'));
  };
}
