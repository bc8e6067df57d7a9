import type Keyv from 'keyv';
import type { Locks } from '../../core/ports/locks.js';
import type { Change, ChannelOnboarding, OnboardingStore, StoredAccount } from '../../core/ports/onboarding.js';
import { storeKeys } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/**
 * Channel mappings and the accounts leads created, in the shared store (SQLite, or Redis for every
 * instance at once). Each change runs under its key's lock, Redis-backed when instances share Redis.
 */
export class KeyvOnboardingStore implements OnboardingStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
  ) {}

  async get(channelName: string): Promise<ChannelOnboarding | undefined> {
    return (await this.keyv.get<ChannelOnboarding>(storeKeys.onboarding(channelName))) ?? undefined;
  }

  update<R>(channelName: string, change: Change<ChannelOnboarding | undefined, R>): Promise<R> {
    const key = storeKeys.onboarding(channelName);
    return this.locks.run(key, async () => {
      const { next, result } = change(await this.get(channelName));
      if (next) await this.write(key, next);
      return result;
    });
  }

  async accounts(): Promise<StoredAccount[]> {
    return (await this.keyv.get<StoredAccount[]>(storeKeys.storedAccounts)) ?? [];
  }

  updateAccounts<R>(change: Change<StoredAccount[], R>): Promise<R> {
    return this.locks.run(storeKeys.storedAccounts, async () => {
      const { next, result } = change(await this.accounts());
      if (next) await this.write(storeKeys.storedAccounts, next);
      return result;
    });
  }

  /** Keyv reports a failed write as `false`; a mapping must never look saved when it is not. */
  private async write(key: string, value: unknown): Promise<void> {
    if (!(await this.keyv.set(key, value))) throw new BatonError('BATON_STORE_WRITE', `could not store ${key}`);
  }
}
