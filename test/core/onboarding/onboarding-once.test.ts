import { beforeEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import type { CoreDeps } from '../../../src/core/deps.js';
import type { InboundMessage } from '../../../src/core/model/message.js';
import { admitMessage } from '../../../src/core/onboarding/admit-message.js';
import { approveIntro } from '../../../src/core/onboarding/approve-intro.js';
import { findAccountForChannel } from '../../../src/core/onboarding/channel-directory.js';
import { mapChannel } from '../../../src/core/onboarding/map-channel.js';
import { offerChannel } from '../../../src/core/onboarding/offer-channel.js';
import { MemoryOnboardingStore, onboardingCore, RecordingOnboardingGateway } from '../../fakes/memory-onboarding.js';

/**
 * Onboarding's posts (the leads' message, a held customer message in its thread, the introduction) are
 * deliveries like the outbox's: one that fails is tried again and lands once; one whose answer was lost
 * (posted, then the connection dropped, or the process stopped) is looked for before it is posted again.
 */
const policy = loadPolicy('test/fixtures/e2e/baton.onboard.yaml');
const LEAD = 'U0LEAD0001';
const NEWCO = { platform: 'slack', channel: 'C0NEWCO001' } as const;

let store: MemoryOnboardingStore;
let gateway: RecordingOnboardingGateway;
/** The shared once store: what a restarted process finds of the attempts before it. */
let once: Set<string>;
let deps: CoreDeps;

/** A new process on the same stores and the same platform: nothing of the last one's memory survives. */
const restart = () => {
  deps = onboardingCore(policy, store, gateway, once);
};

beforeEach(() => {
  store = new MemoryOnboardingStore();
  gateway = new RecordingOnboardingGateway();
  once = new Set();
  restart();
});

const customerMessage = (id: string, text: string): InboundMessage => ({
  id,
  ref: { platform: 'slack', channel: NEWCO.channel, thread: id },
  text,
  at: 1_000,
  author: { id: 'U0NEWCO001', name: 'Nia', isExternal: true },
});

/** The inbox's way with a message: tried again while it throws. */
async function untilTaken(message: InboundMessage, tries = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return void (await admitMessage(deps, message));
    } catch (err) {
      if (i >= tries) throw err;
    }
  }
}

describe('the leads’ message about a new channel', () => {
  it('fails at the customer’s message so the inbox tries it again, and lands once', async () => {
    gateway.refuse.offer = 2;
    await offerChannel(deps, NEWCO, 'joined');
    await expect(admitMessage(deps, customerMessage('1.1', 'Where are our invoices?'))).rejects.toThrow('not_in_channel');
    await untilTaken(customerMessage('1.1', 'Where are our invoices?'));
    expect(gateway.offers).toHaveLength(1);
    expect(gateway.held.map((h) => h.text)).toEqual(['Where are our invoices?']);
    expect((await store.get(NEWCO.channel))?.held).toBe(1);
  });

  it('is found, not posted again, when its answer was lost and Baton restarted', async () => {
    gateway.lose.offer = 1;
    await offerChannel(deps, NEWCO, 'joined');
    expect((await store.get(NEWCO.channel))?.offer).toBeUndefined();
    restart();
    await untilTaken(customerMessage('1.2', 'Hello?'));
    expect(gateway.offers).toHaveLength(1);
    expect((await store.get(NEWCO.channel))?.offer?.messageId).toBe('offer-1');
    expect(gateway.held).toHaveLength(1);
  });
});

describe('a customer message held for the leads', () => {
  beforeEach(async () => {
    await offerChannel(deps, NEWCO, 'joined');
  });

  it('is shown once and counted once when the platform fails, then recovers', async () => {
    gateway.refuse.held = 1;
    await untilTaken(customerMessage('2.1', 'Is anyone there?'));
    expect(gateway.held.map((h) => h.text)).toEqual(['Is anyone there?']);
    expect((await store.get(NEWCO.channel))?.held).toBe(1);
  });

  it('is shown once when its answer was lost and Baton restarted before the retry', async () => {
    gateway.lose.held = 1;
    await expect(admitMessage(deps, customerMessage('2.2', 'Is anyone there?'))).rejects.toThrow('socket hang up');
    restart();
    await untilTaken(customerMessage('2.2', 'Is anyone there?'));
    await untilTaken(customerMessage('2.2', 'Is anyone there?'));
    expect(gateway.held).toHaveLength(1);
    expect((await store.get(NEWCO.channel))?.held).toBe(1);
  });
});

describe('the introduction a lead approved', () => {
  beforeEach(async () => {
    await offerChannel(deps, NEWCO, 'joined');
    await mapChannel(deps, NEWCO, LEAD, { kind: 'existing', accountId: 'globex' });
  });

  it('is posted once when the platform fails, then recovers as the lead approves again', async () => {
    gateway.refuse.intro = 1;
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!')).toEqual({ ok: false, reason: 'not_posted' });
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!')).toEqual({ ok: true });
    expect(gateway.intros).toEqual([{ channel: NEWCO, text: 'Hello Globex!' }]);
  });

  it('is found, not posted again, when its answer was lost and the lead approves again after a restart', async () => {
    gateway.lose.intro = 1;
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!')).toEqual({ ok: false, reason: 'not_posted' });
    expect(await findAccountForChannel(deps, NEWCO)).toBeUndefined();
    restart();
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!')).toEqual({ ok: true });
    expect(gateway.intros).toHaveLength(1);
    expect(await findAccountForChannel(deps, NEWCO)).toMatchObject({ id: 'globex' });
  });
});
