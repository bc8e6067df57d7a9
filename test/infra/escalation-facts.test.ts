import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { claim, resolve, type Escalation } from '../../src/core/escalation/escalation.js';
import type { Locks } from '../../src/core/ports/locks.js';
import { dueSlaStep } from '../../src/core/timers/sla-step.js';
import { ProcessLocks } from '../../src/infra/locks/process-locks.js';
import type { EscalationTuple } from '../../src/infra/store/facts-codec.js';
import { escalationsWithFacts } from '../../src/infra/store/facts-recording-stores.js';
import { TableFactsStore } from '../../src/infra/store/facts-table.js';
import { MemoryFactsTable } from '../fakes/memory-facts-table.js';

const OPENED = Date.UTC(2025, 0, 6, 9);
const MIN = 60_000;

/**
 * Locks and a facts table that make the first writer of escalation facts the slow one of a race, as
 * a busy Redis or a second instance can: before its facts are written, `overtake` runs (the racing
 * write) and the slow writer waits for it to finish, unless the racing write is queued behind a lock
 * still held (the slow writer's own), when waiting would never end.
 */
class SlowFirstFactsWriter extends MemoryFactsTable implements Locks {
  private readonly inner = new ProcessLocks();
  private readonly held = new Set<string>();
  private contended?: () => void;
  overtake?: () => Promise<unknown>;

  override async putPackets(rows: EscalationTuple[]): Promise<void> {
    const overtake = this.overtake;
    if (overtake) {
      this.overtake = undefined;
      await new Promise<void>((done) => {
        this.contended = done;
        void overtake().then(() => done());
      });
    }
    return super.putPackets(rows);
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.held.has(key)) this.contended?.();
    return this.inner.run(key, async () => {
      this.held.add(key);
      try {
        return await work();
      } finally {
        this.held.delete(key);
      }
    });
  }
}

function openEscalation(): Escalation {
  return {
    id: 'E-1', conversation: { platform: 'slack', channel: 'C1', thread: '1.1' }, accountId: 'acme', queueId: 'support',
    category: 'billing', trigger: 'human_button', decision: {} as Escalation['decision'], status: 'open',
    openedAt: OPENED, dueAt: OPENED + 60 * MIN, version: 0, history: [{ type: 'opened', at: OPENED }],
  };
}

describe('escalation facts (what reports and SLA timers read)', () => {
  it('end at the status written last when a claim and a close race', async () => {
    const keyv = new Keyv({ store: new Map(), useKeyPrefix: false });
    const locks = new SlowFirstFactsWriter();
    const facts = new TableFactsStore(locks, keyv);
    const escalations = escalationsWithFacts(keyv, locks, facts);
    await escalations.create(openEscalation());

    const who = { id: 'U_ANA' };
    let closing: Promise<unknown> | undefined;
    locks.overtake = () =>
      (closing = escalations.update('E-1', (current) => {
        const r = resolve(current, who, { rootCause: 'other', aiAccuracy: 'correct', automation: 'no' }, OPENED + 2 * MIN);
        return { next: r.ok ? r.escalation : undefined, result: r.ok };
      }));
    await escalations.update('E-1', (current) => {
      const r = claim(current, who, OPENED + MIN);
      return { next: r.ok ? r.escalation : undefined, result: r.ok };
    });
    await closing;

    expect((await escalations.get('E-1'))?.status).toBe('resolved');
    const [seen] = await facts.escalationsOpened(OPENED, OPENED + 1);
    expect(seen).toMatchObject({ status: 'resolved', resolvedAt: OPENED + 2 * MIN });
    // A stale "claimed" would keep the escalation in the SLA sweep: a breach mention on a closed matter.
    expect(dueSlaStep(seen!, OPENED + 61 * MIN)).toBeUndefined();
  });
});
