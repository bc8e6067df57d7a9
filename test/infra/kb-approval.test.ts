import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { buildDeciderWithIndex } from '../../src/core/answer/build-decider.js';
import { newConversation, withTurn } from '../../src/core/conversation/conversation.js';
import type { LoopDeps } from '../../src/core/deps.js';
import type { Escalation } from '../../src/core/escalation/escalation.js';
import { approveCandidate } from '../../src/core/feedback/kb-candidate.js';
import { ProcessLocks } from '../../src/infra/locks/process-locks.js';
import { createLogger } from '../../src/infra/logger.js';
import { KeyvCandidateStore } from '../../src/infra/store/keyv-candidate-store.js';
import { openStores, type Stores } from '../../src/infra/store/open-stores.js';
import { storeKeys } from '../../src/infra/store/store-keys.js';
import { E2E_KNOWLEDGE } from '../e2e/knowledge.js';
import { workerRedisUrl } from '../worker-redis.js';

const LEAD = 'U0LEAD0001';
const policy = loadPolicy('test/fixtures/e2e/baton.loop.yaml');
const QUESTION = 'How do I rotate the webhook signing secret?';
const RESOLUTION = 'Open Settings > Webhooks, press Rotate secret and update your receiver within 24 hours.';

/** A Map store whose first write of a key starting with `prefix` fails, as a full disk or a lost Redis would. */
class FailingWrite extends Map<string, unknown> {
  private failed = false;
  constructor(private readonly prefix: string) {
    super();
  }
  override set(key: string, value: unknown): this {
    if (key.startsWith(this.prefix) && !this.failed) {
      this.failed = true;
      throw new Error('write failed');
    }
    return super.set(key, value);
  }
}

const opened: Stores[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** Baton's stores, except that the candidates live in `candidateKeyv`; one escalation closed with "automation: yes". */
async function world(candidateKeyv: Keyv) {
  const stores = await openStores(`sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-kb-')), 'baton.sqlite')}`);
  opened.push(stores);
  const ref = { platform: 'slack' as const, channel: 'C0ACME0001', thread: '1.1' };
  const conversation = withTurn(newConversation(ref, 'acme', 1), { role: 'customer', text: QUESTION, at: 1 });
  await stores.conversations.put(conversation);
  const { decider, index } = buildDeciderWithIndex({ policy, kb: E2E_KNOWLEDGE });
  const escalation = {
    id: 'E-1', conversation: ref, accountId: 'acme', queueId: 'support', category: 'how_to', trigger: 'low_confidence',
    status: 'resolved', openedAt: 2, dueAt: 10, resolvedAt: 5, version: 2, history: [],
    tags: { rootCause: 'missing_docs', aiAccuracy: 'off_base', automation: 'yes', note: RESOLUTION },
    decision: { action: 'escalate', category: 'how_to' },
  } as unknown as Escalation;
  await stores.escalations.create(escalation);
  const candidates = new KeyvCandidateStore(candidateKeyv, new ProcessLocks());
  const deps = {
    ...stores, policy, clock: { now: () => 100 }, log: createLogger('silent'),
    loop: { candidates, knowledge: index },
  } as unknown as LoopDeps;
  const answers = async () => {
    const d = await decider.decide({ text: 'where can we rotate our webhook secret', history: [], accountId: 'acme' });
    return d.action === 'answer' ? (d.answer?.text ?? '') : '';
  };
  return { candidates, answers, approve: () => approveCandidate(deps, 'E-1', LEAD) };
}

describe('approving a KB candidate', () => {
  // The two writes of an approval: the entry list a restart loads, and the approval the review shows.
  it.each([storeKeys.kbApproved, storeKeys.kbCandidate('')])('leaves the candidate approvable when writing %s failed, and approves it once after', async (prefix) => {
    const keyv = new Keyv({ store: new FailingWrite(prefix), useKeyPrefix: false });
    const { candidates, answers, approve } = await world(keyv);

    await expect(approve()).rejects.toThrow();
    expect(await answers()).not.toContain('Rotate secret');

    expect(await approve()).toMatchObject({ ok: true });
    expect(await answers()).toContain('Rotate secret');
    expect(await approve()).toEqual({ ok: false, reason: 'already_approved' });
    expect(await candidates.get('E-1')).toMatchObject({ approvedBy: LEAD });
    // What a restart loads into the index.
    expect((await candidates.approvedEntries()).map((e) => e.id)).toEqual(['escalation:E-1']);
  });

  it('records one approval when two clicks race', async () => {
    const { approve } = await world(new Keyv({ store: new Map(), useKeyPrefix: false }));
    const results = await Promise.all([approve(), approve(), approve()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('a KB approval with several instances on Redis', () => {
  /** One Baton instance's stores and running decider, learning approvals as baton.ts wires it. */
  async function instance() {
    const stores = await openStores(workerRedisUrl());
    opened.push(stores);
    const { decider, index } = buildDeciderWithIndex({ policy, kb: E2E_KNOWLEDGE });
    const learned = await stores.approvals.follow(index, await stores.candidates.approvedEntries(), createLogger('silent'));
    const answers = async () => {
      const d = await decider.decide({ text: 'where can we rotate our webhook secret', history: [], accountId: 'acme' });
      return d.action === 'answer' ? (d.answer?.text ?? '') : '';
    };
    return { stores, learned, index, answers };
  }

  it('reaches the other instance at once: it answers from the approved resolution too, and each indexes it once', async () => {
    const [a, b] = [await instance(), await instance()];
    const id = `E-R${Date.now()}`;
    const ref = { platform: 'slack' as const, channel: 'C0ACME0001', thread: `${Date.now()}.7` };
    await a.stores.conversations.put(withTurn(newConversation(ref, 'acme', 1), { role: 'customer', text: QUESTION, at: 1 }));
    await a.stores.escalations.create({
      id, conversation: ref, accountId: 'acme', queueId: 'support', category: 'how_to', trigger: 'low_confidence',
      status: 'resolved', openedAt: 2, dueAt: 10, resolvedAt: 5, version: 2, history: [],
      tags: { rootCause: 'missing_docs', aiAccuracy: 'off_base', automation: 'yes', note: RESOLUTION },
    decision: { action: 'escalate', category: 'how_to' },
    } as unknown as Escalation);
    expect(await b.answers()).not.toContain('Rotate secret');
    const sizes = [a.index.size, b.index.size];

    const deps = { ...a.stores, policy, clock: { now: () => 100 }, log: createLogger('silent'), loop: { candidates: a.stores.candidates, knowledge: a.learned } } as unknown as LoopDeps;
    expect(await approveCandidate(deps, id, LEAD)).toMatchObject({ ok: true });

    await vi.waitFor(async () => expect(await b.answers()).toContain('Rotate secret'), { timeout: 5000, interval: 20 });
    expect(await a.answers()).toContain('Rotate secret');
    // Another instance's approval arriving later must not add this one twice.
    b.learned.addAll(await b.stores.candidates.approvedEntries());
    expect([a.index.size - sizes[0]!, b.index.size - sizes[1]!]).toEqual([1, 1]);
  });
});
