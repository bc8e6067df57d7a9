import type { Policy } from '../../src/config/policy-schema.js';
import type { CoreDeps } from '../../src/core/deps.js';
import type { ChannelRef } from '../../src/core/model/conversation-ref.js';
import { ProcessLocks } from '../../src/infra/locks/process-locks.js';
import { createLogger } from '../../src/infra/logger.js';
import type { Clearance, DeliveryPlace, DeliveryTag, Sent } from '../../src/core/ports/chat-gateway.js';
import type { Change, ChannelOnboarding, HeldMessage, OfferLocation, OnboardingGateway, OnboardingStore, OnboardingView, StoredAccount } from '../../src/core/ports/onboarding.js';

/** The onboarding store in memory: copies in and out, as a real store would serialize them. */
export class MemoryOnboardingStore implements OnboardingStore {
  readonly channels = new Map<string, ChannelOnboarding>();
  private stored: StoredAccount[] = [];

  async get(channelName: string): Promise<ChannelOnboarding | undefined> {
    const record = this.channels.get(channelName);
    return record && structuredClone(record);
  }

  async update<R>(channelName: string, change: Change<ChannelOnboarding | undefined, R>): Promise<R> {
    const { next, result } = change(await this.get(channelName));
    if (next) this.channels.set(channelName, structuredClone(next));
    return result;
  }

  async accounts(): Promise<StoredAccount[]> {
    return structuredClone(this.stored);
  }

  async updateAccounts<R>(change: Change<StoredAccount[], R>): Promise<R> {
    const { next, result } = change(await this.accounts());
    if (next) this.stored = structuredClone(next);
    return result;
  }
}

/**
 * Records what would reach Slack, each post under its delivery id; `refuse` makes the next calls of one kind
 * fail before anything is posted (a refused post), `lose` after it is posted (a timeout whose answer was lost).
 */
export class RecordingOnboardingGateway implements OnboardingGateway {
  readonly offers: { leads: ChannelRef; view: OnboardingView }[] = [];
  readonly updates: OnboardingView[] = [];
  readonly held: HeldMessage[] = [];
  readonly intros: { channel: ChannelRef; text: string }[] = [];
  readonly refuse = { offer: 0, held: 0, intro: 0 };
  readonly lose = { offer: 0, held: 0, intro: 0 };
  /** Message id by delivery id, as a platform that keeps the id with the message would find it. */
  readonly delivered = new Map<string, string>();

  asksLeadsOn(): boolean {
    return true;
  }

  private async post(kind: 'offer' | 'held' | 'intro', delivery: DeliveryTag, record: () => number): Promise<Sent> {
    if (this.refuse[kind]-- > 0) throw Object.assign(new Error('not_in_channel'), { refused: true });
    const cleared = await delivery.beforeSend();
    const sent = `${kind}-${record()}`;
    this.delivered.set(delivery.id, sent);
    if (this.lose[kind]-- > 0) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    return { cleared, sent };
  }

  offer(leads: ChannelRef, view: OnboardingView, delivery: DeliveryTag): Promise<Sent> {
    return this.post('offer', delivery, () => this.offers.push({ leads, view }));
  }

  async updateOffer(_at: OfferLocation, view: OnboardingView): Promise<void> {
    this.updates.push(view);
  }

  async noteHeld(_at: OfferLocation, message: HeldMessage, delivery: DeliveryTag): Promise<Clearance> {
    return (await this.post('held', delivery, () => this.held.push(message))).cleared;
  }

  async postIntro(channel: ChannelRef, text: string, delivery: DeliveryTag): Promise<Clearance> {
    return (await this.post('intro', delivery, () => this.intros.push({ channel, text }))).cleared;
  }

  async findDelivered(_place: DeliveryPlace, deliveryId: string): Promise<string | undefined> {
    return this.delivered.get(deliveryId);
  }
}

/** The core deps onboarding uses (policy, clock, locks, once, its ports), everything else left out. */
export function onboardingCore(policy: Policy, store: OnboardingStore, gateway: OnboardingGateway, claimed = new Set<string>()): CoreDeps {
  const lookup = gateway as Partial<Pick<RecordingOnboardingGateway, 'findDelivered'>>;
  return {
    policy,
    clock: { now: () => 1_000 },
    log: createLogger('silent'),
    locks: new ProcessLocks(),
    once: { claimOnce: async (key: string) => !claimed.has(key) && !!claimed.add(key), claimed: async (key: string) => claimed.has(key) },
    onboarding: { store, gateway },
    // Onboarding's posts are looked for the way the outbox looks for any delivery.
    gateway: { findDelivered: async (place: DeliveryPlace, id: string) => lookup.findDelivered?.(place, id) },
  } as unknown as CoreDeps;
}
