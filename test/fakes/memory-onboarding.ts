import type { Policy } from '../../src/config/policy-schema.js';
import type { CoreDeps } from '../../src/core/deps.js';
import type { ChannelRef } from '../../src/core/model/conversation-ref.js';
import { ProcessLocks } from '../../src/infra/locks/process-locks.js';
import { createLogger } from '../../src/infra/logger.js';
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

/** Records what would reach Slack; `refuse` makes the next calls of one kind fail, as a refused post does. */
export class RecordingOnboardingGateway implements OnboardingGateway {
  readonly offers: { leads: ChannelRef; view: OnboardingView }[] = [];
  readonly updates: OnboardingView[] = [];
  readonly held: HeldMessage[] = [];
  readonly intros: { channel: ChannelRef; text: string }[] = [];
  readonly refuse = { offer: 0, intro: 0 };

  asksLeadsOn(): boolean {
    return true;
  }

  async offer(leads: ChannelRef, view: OnboardingView): Promise<string> {
    if (this.refuse.offer-- > 0) throw Object.assign(new Error('not_in_channel'), { refused: true });
    this.offers.push({ leads, view });
    return `offer-${this.offers.length}`;
  }

  async updateOffer(_at: OfferLocation, view: OnboardingView): Promise<void> {
    this.updates.push(view);
  }

  async noteHeld(_at: OfferLocation, message: HeldMessage): Promise<void> {
    this.held.push(message);
  }

  async postIntro(channel: ChannelRef, text: string): Promise<void> {
    if (this.refuse.intro-- > 0) throw Object.assign(new Error('not_in_channel'), { refused: true });
    this.intros.push({ channel, text });
  }
}

/** The core deps onboarding uses (policy, clock, locks, once, its ports), everything else left out. */
export function onboardingCore(policy: Policy, store: OnboardingStore, gateway: OnboardingGateway): CoreDeps {
  const claimed = new Set<string>();
  return {
    policy,
    clock: { now: () => 1_000 },
    log: createLogger('silent'),
    locks: new ProcessLocks(),
    once: { claimOnce: async (key: string) => !claimed.has(key) && !!claimed.add(key), claimed: async (key: string) => claimed.has(key) },
    onboarding: { store, gateway },
  } as unknown as CoreDeps;
}
