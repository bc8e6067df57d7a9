import { chooseReading } from '../../core/conversation/choose-reading.js';
import { handleMessages } from '../../core/conversation/handle-message.js';
import { requestHuman } from '../../core/conversation/request-human.js';
import type { CoreDeps } from '../../core/deps.js';
import { conversationKey } from '../../core/model/conversation-ref.js';
import type { InboundMessage } from '../../core/model/message.js';
import type { InboxItem } from '../../core/ports/inbox.js';
import type { Metrics } from '../../core/ports/metrics.js';
import type { DeliveryRunner } from '../../infra/delivery/delivery-runner.js';
import type { InboxWorker } from '../../infra/intake/inbox-worker.js';
import { settleGroup } from '../../infra/intake/settle-group.js';
import type { AfterTurnPayload } from './after-turn-item.js';
import type { TeamsInboxPayload } from './teams-inbox-item.js';

export interface TeamsIntakeDeps {
  core: CoreDeps;
  runner: DeliveryRunner;
  metrics: Metrics;
  worker(): InboxWorker;
  /** Does work a turn left to do after it and sends its messages (deliverAfterTurn); throws when they could not all be sent. */
  afterTurn(payload: AfterTurnPayload): Promise<void>;
}

/**
 * Decides a group of Teams inbox items through the core, like Slack's: the messages of one conversation
 * held together (one request), or a "Talk to a person" press. The author was resolved before Teams got
 * its 200 (the member look-up needs the turn), so nothing is looked up here.
 */
export function teamsItemHandler(deps: TeamsIntakeDeps): (items: InboxItem[], recovered: boolean) => Promise<void> {
  return async (items, recovered) => {
    const payloads = items.map((i) => i.payload as TeamsInboxPayload);
    // Work after a turn is alone in its lane (never held with a message), and done once its messages are out.
    if (payloads[0]?.kind === 'after_turn') {
      await deps.afterTurn(payloads[0]);
      return deps.worker().finish(items[0]!.id);
    }
    const press = payloads.find((p) => p.kind === 'human_request');
    let key: string;
    const choice = payloads.find((p) => p.kind === 'reading_choice');
    if (press) {
      await requestHuman(deps.core, press.conversationKey, press.author);
      key = press.conversationKey;
    } else if (choice) {
      await chooseReading(deps.core, choice.conversationKey, choice.author, choice.ask, choice.option);
      key = choice.conversationKey;
    } else {
      // A new message that joined its author's previous one is decided in that one's conversation.
      const messages = items.flatMap((item, i): InboundMessage[] => {
        const p = payloads[i]!;
        return p.kind === 'message' ? [{ ...p.message, ref: item.joined ?? p.message.ref }] : [];
      });
      await handleMessages(deps.core, messages);
      key = conversationKey(messages[0]!.ref);
    }
    for (const _ of items) deps.metrics.eventProcessed('teams', 'ok');
    await settleGroup(deps.runner, deps.worker(), items, key, recovered, deps.core.log);
  };
}
