import type { Policy } from './config/policy-schema.js';
import { loopPorts } from './compose-loop.js';
import type { LoopDeps } from './core/deps.js';
import { ChatGatewayRouter, type ByPlatform } from './core/delivery/gateway-router.js';
import { OnboardingGatewayRouter } from './core/onboarding/onboarding-gateway-router.js';
import type { ChatGateway } from './core/ports/chat-gateway.js';
import type { Clock } from './core/ports/clock.js';
import type { Decider } from './core/ports/decider.js';
import type { KnowledgeSink } from './core/ports/kb-candidates.js';
import type { TeamArticles } from './core/ports/knowledge.js';
import type { Logger } from './core/ports/logger.js';
import type { LoopGateway } from './core/ports/loop-gateway.js';
import type { AnswerReviewSource } from './core/ports/loop-ports.js';
import type { IntroGateway, LeadsOnboardingGateway } from './core/ports/onboarding.js';
import { newEscalationId } from './infra/escalation-id.js';
import type { Stores } from './infra/store/open-stores.js';

/** Each running platform's gateways, by its tag. */
export interface PlatformGateways {
  chat: ByPlatform<ChatGateway>;
  loop: ByPlatform<LoopGateway>;
  leads: ByPlatform<LeadsOnboardingGateway>;
  intros: ByPlatform<IntroGateway>;
  /** The boards a platform keeps for its own conversations' escalations, by queue id (the playground's). */
  boards: ByPlatform<(queueId: string) => string>;
}

export interface CoreParts {
  policy: Policy;
  decider: Decider;
  /** The articles a packet lists for the team (the live knowledge, searched as staff). */
  articles?: TeamArticles;
  stores: Stores;
  clock: Clock;
  log: Logger;
  /** The knowledge index approved answers are added to, and the review of candidates. */
  learned: KnowledgeSink;
  review?: AnswerReviewSource;
}

/** The core's ports, for `npm start` and the playground alike: the stores, and one router per kind of gateway over the platforms. */
export function composeCore(parts: CoreParts, gateways: PlatformGateways): LoopDeps {
  const { policy, decider, stores, clock, log } = parts;
  return {
    policy,
    decider,
    ...(parts.articles ? { articles: parts.articles } : {}),
    gateway: new ChatGatewayRouter(gateways.chat),
    conversations: stores.conversations,
    escalations: stores.escalations,
    once: stores.once,
    locks: stores.locks,
    clock,
    log,
    newId: newEscalationId,
    boards: (queueId, platform) => gateways.boards[platform]?.(queueId),
    loop: { ...loopPorts(stores, gateways.loop, parts.learned), ...(parts.review ? { review: parts.review } : {}) },
    // New conversations wait for a lead only where leads work: the leads' messages go to the leads'
    // platform, an introduction to the customer's platform.
    ...(Object.keys(gateways.leads).length > 0 ? { onboarding: { store: stores.onboarding, gateway: new OnboardingGatewayRouter(gateways.leads, gateways.intros) } } : {}),
  };
}
