import type { Policy } from '../config/policy-schema.js';
import type { QueueBoards } from './conversation/accounts.js';
import type { DeliveryScheduler } from './delivery/delivery.js';
import type { ChatGateway } from './ports/chat-gateway.js';
import type { Clock } from './ports/clock.js';
import type { Decider } from './ports/decider.js';
import type { Locks } from './ports/locks.js';
import type { Logger } from './ports/logger.js';
import type { LoopPorts } from './ports/loop-ports.js';
import type { OnboardingPorts } from './ports/onboarding.js';
import type { TeamArticles } from './ports/knowledge.js';
import type { ConversationStore, EscalationStore, OnceStore } from './ports/stores.js';

/** Everything the core use cases need, wired once in the composition root. */
export interface CoreDeps {
  policy: Policy;
  decider: Decider;
  /** The articles a packet lists for the team; absent where no knowledge is searched (core tests of other use cases). */
  articles?: TeamArticles;
  gateway: ChatGateway;
  conversations: ConversationStore;
  escalations: EscalationStore;
  once: OnceStore;
  locks: Locks;
  clock: Clock;
  log: Logger;
  newId: () => string;
  /** Delivers what a use case recorded in a conversation's outbox; absent where nothing is delivered. */
  deliveries?: DeliveryScheduler;
  /** SLA timers, CSAT, reports and KB candidates; absent where a test drives only the conversation loop. */
  loop?: LoopPorts;
  /** Where a platform keeps its own conversations' escalations instead of the queues' channels (the playground's boards). */
  boards?: QueueBoards;
  /** Channels leads map in chat; absent where only the policy's accounts exist (the playground, core tests). */
  onboarding?: OnboardingPorts;
}

export type LoopDeps = CoreDeps & { loop: LoopPorts };
