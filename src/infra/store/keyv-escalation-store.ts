import type Keyv from 'keyv';
import type { Escalation } from '../../core/escalation/escalation.js';
import type { Locks } from '../../core/ports/locks.js';
import type { EscalationStore } from '../../core/ports/stores.js';
import { storeKeys } from './store-keys.js';
import { upgradeStoredEscalation } from './stored-escalation.js';

/**
 * Escalations in Keyv. Keyv cannot compare-and-set, so every write to one escalation runs under that
 * escalation's lock (in-process for SQLite, a Redis lock when several instances share Redis).
 * `written` runs inside the same lock with each value written, so whatever it derives (the report
 * facts) is written in the order the escalation was: two quick writes leave the later one's.
 */
export class KeyvEscalationStore implements EscalationStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly locks: Locks,
    private readonly written: (escalation: Escalation) => Promise<void>,
  ) {}

  async get(id: string): Promise<Escalation | undefined> {
    const stored = await this.keyv.get<Escalation>(storeKeys.escalation(id));
    return stored ? upgradeStoredEscalation(stored) : undefined;
  }

  async create(escalation: Escalation): Promise<void> {
    await this.locks.run(storeKeys.escalation(escalation.id), async () => {
      if (await this.keyv.has(storeKeys.escalation(escalation.id))) return;
      await this.keyv.set(storeKeys.escalation(escalation.id), escalation);
      await this.written(escalation);
    });
  }

  update<R>(id: string, change: (current: Escalation) => { next?: Escalation; result: R }): Promise<R | undefined> {
    return this.locks.run(storeKeys.escalation(id), async () => {
      const current = await this.get(id);
      if (!current) return undefined;
      const { next, result } = change(current);
      if (next) {
        await this.keyv.set(storeKeys.escalation(id), next);
        await this.written(next);
      }
      return result;
    });
  }
}
