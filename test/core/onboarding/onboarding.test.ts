import { beforeEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import { buildDecider } from '../../../src/core/answer/build-decider.js';
import { newConversation } from '../../../src/core/conversation/conversation.js';
import { decide } from '../../../src/core/conversation/decide-and-act.js';
import { conversationMode } from '../../../src/core/copilot/answer-mode.js';
import type { CoreDeps } from '../../../src/core/deps.js';
import type { InboundMessage } from '../../../src/core/model/message.js';
import type { KnowledgeEntry } from '../../../src/core/ports/knowledge.js';
import { admitMessage } from '../../../src/core/onboarding/admit-message.js';
import { approveIntro, introForm } from '../../../src/core/onboarding/approve-intro.js';
import { findAccount, findAccountForChannel } from '../../../src/core/onboarding/channel-directory.js';
import { mapChannel } from '../../../src/core/onboarding/map-channel.js';
import { moveChannel } from '../../../src/core/onboarding/move-channel.js';
import { offerChannel } from '../../../src/core/onboarding/offer-channel.js';
import { MemoryOnboardingStore, onboardingCore, RecordingOnboardingGateway } from '../../fakes/memory-onboarding.js';

const policy = loadPolicy('test/fixtures/e2e/baton.onboard.yaml');
const LEAD = 'U0LEAD0001';
const NEWCO = { platform: 'slack', channel: 'C0NEWCO001' } as const;

let store: MemoryOnboardingStore;
let gateway: RecordingOnboardingGateway;
let deps: CoreDeps;

beforeEach(() => {
  store = new MemoryOnboardingStore();
  gateway = new RecordingOnboardingGateway();
  deps = onboardingCore(policy, store, gateway);
});

const customerMessage = (id: string, text: string, channel: string = NEWCO.channel): InboundMessage => ({
  id,
  ref: { platform: 'slack', channel, thread: id },
  text,
  at: 1_000,
  author: { id: 'U0NEWCO001', name: 'Nia', isExternal: true },
});

const newco = { kind: 'new', name: 'Newco Ltd', tier: 'growth', crmUrl: 'https://crm.example.com/newco' } as const;

describe('offering a channel no account maps', () => {
  it('asks the leads once, in their channel, and never for a configured or an internal channel', async () => {
    expect(await offerChannel(deps, NEWCO, 'joined')).toBe('offered');
    expect(await offerChannel(deps, NEWCO, 'shared')).toBe('already_offered');
    expect(await offerChannel(deps, { platform: 'slack', channel: 'C0ACME0001' }, 'joined')).toBe('mapped');
    expect(await offerChannel(deps, { platform: 'slack', channel: 'C0SUPPORT1' }, 'joined')).toBe('internal');
    expect(await offerChannel(deps, { platform: 'slack', channel: 'C0LEADS001' }, 'joined')).toBe('internal');
    expect(gateway.offers).toEqual([{ leads: { platform: 'slack', channel: 'C0LEADS001' }, view: expect.objectContaining({ channel: NEWCO, status: 'offered', reason: 'joined' }) }]);
  });

  it('tries a refused offer again at the channel\u2019s next customer message, and shows the leads that message once', async () => {
    gateway.refuse.offer = 1;
    await offerChannel(deps, NEWCO, 'joined');
    expect(gateway.offers).toEqual([]);
    const message = customerMessage('1.1', 'Where are our invoices?');
    expect(await admitMessage(deps, message)).toEqual({ admitted: false, reason: 'awaiting_consent' });
    expect(await admitMessage(deps, message)).toEqual({ admitted: false, reason: 'awaiting_consent' });
    expect(gateway.offers).toHaveLength(1);
    expect(gateway.held).toEqual([{ channel: NEWCO, authorName: 'Nia', text: 'Where are our invoices?' }]);
    expect((await store.get('C0NEWCO001'))?.held).toBe(1);
  });

  it('offers a channel where a customer writes first, but not one where only staff write', async () => {
    const staff: InboundMessage = { ...customerMessage('2.1', 'testing', 'C0INTERNAL'), author: { id: 'U0ANA00001', isExternal: false } };
    expect(await admitMessage(deps, staff)).toEqual({ admitted: false, reason: 'unmapped_channel' });
    expect(await admitMessage(deps, customerMessage('2.2', 'Hello, anyone?'))).toEqual({ admitted: false, reason: 'unmapped_channel' });
    expect(gateway.offers.map((o) => o.view.channel.channel)).toEqual(['C0NEWCO001']);
    expect(gateway.offers[0]?.view.reason).toBe('message');
  });
});

describe('mapping a channel and the consent gate', () => {
  beforeEach(async () => {
    await offerChannel(deps, NEWCO, 'joined');
  });

  it('creates the account at once but answers nothing until a lead approves the introduction', async () => {
    const mapped = await mapChannel(deps, NEWCO, LEAD, newco);
    expect(mapped).toMatchObject({ ok: true, account: { id: 'newco-ltd', tier: 'growth', crm_url: 'https://crm.example.com/newco' } });
    expect(mapped.ok && mapped.intro).toContain('Newco Ltd');
    expect(await findAccount(deps, 'newco-ltd')).toMatchObject({ name: 'Newco Ltd' });
    expect(await findAccountForChannel(deps, NEWCO)).toBeUndefined();
    expect(await admitMessage(deps, customerMessage('3.1', 'How do I invite a teammate?'))).toEqual({ admitted: false, reason: 'awaiting_consent' });

    expect(await approveIntro(deps, NEWCO, LEAD, '  Hello Newco!  ')).toEqual({ ok: true });
    expect(gateway.intros).toEqual([{ channel: NEWCO, text: 'Hello Newco!' }]);
    expect(await admitMessage(deps, customerMessage('3.2', 'How do I invite a teammate?'))).toMatchObject({ admitted: true, account: { id: 'newco-ltd' } });
    expect(gateway.updates.at(-1)).toMatchObject({ status: 'live', approvedBy: LEAD, intro: 'Hello Newco!' });
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello again')).toEqual({ ok: false, reason: 'already_live' });
  });

  it('keeps the channel quiet when the introduction cannot be posted, so the lead can approve again', async () => {
    await mapChannel(deps, NEWCO, LEAD, { kind: 'existing', accountId: 'globex' });
    gateway.refuse.intro = 1;
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!')).toEqual({ ok: false, reason: 'not_posted' });
    expect(await findAccountForChannel(deps, NEWCO)).toBeUndefined();
    expect(await introForm(deps, NEWCO, LEAD)).toMatchObject({ ok: true, account: 'Globex' });
    expect(await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!')).toEqual({ ok: true });
    expect(await findAccountForChannel(deps, NEWCO)).toMatchObject({ id: 'globex' });
  });

  it('answers a channel mapped to a copilot account in copilot mode, as the account\u2019s own channels are', async () => {
    const copilotGlobex = { ...policy, accounts: policy.accounts.map((a) => (a.id === 'globex' ? { ...a, mode: 'copilot' as const } : a)) };
    deps = { ...deps, policy: copilotGlobex };
    await mapChannel(deps, NEWCO, LEAD, { kind: 'existing', accountId: 'globex' });
    await approveIntro(deps, NEWCO, LEAD, 'Hello Globex!');
    expect(await conversationMode(deps, { ref: { ...NEWCO, thread: '4.1' }, accountId: 'globex' })).toBe('copilot');
    await offerChannel(deps, { platform: 'slack', channel: 'C0NEWCO002' }, 'joined');
    await mapChannel(deps, { platform: 'slack', channel: 'C0NEWCO002' }, LEAD, newco);
    expect(await conversationMode(deps, { ref: { platform: 'slack', channel: 'C0NEWCO002', thread: '4.2' }, accountId: 'newco-ltd' })).toBe('autopilot');
  });

  it('keeps a live channel\u2019s mapping when its id changes as a share starts', async () => {
    const shared = { platform: 'slack', channel: 'C0NEWCO0SH' } as const;
    await mapChannel(deps, NEWCO, LEAD, newco);
    await approveIntro(deps, NEWCO, LEAD, 'Hello Newco!');
    expect(await moveChannel(deps, NEWCO, shared)).toBe(true);
    expect(await findAccountForChannel(deps, shared)).toMatchObject({ id: 'newco-ltd' });
    expect(await offerChannel(deps, shared, 'shared')).toBe('mapped');
    expect(await moveChannel(deps, { platform: 'slack', channel: 'C0NEVER001' }, shared)).toBe(false);
  });

  it('refuses conflicts and bad input by name, and anyone but a lead', async () => {
    expect(await mapChannel(deps, NEWCO, 'U0CUST0001', newco)).toEqual({ ok: false, reason: 'not_lead' });
    expect(await mapChannel(deps, { platform: 'slack', channel: 'C0ACME0001' }, LEAD, newco)).toEqual({ ok: false, reason: 'configured', account: 'Acme Corp' });
    expect(await mapChannel(deps, NEWCO, LEAD, { ...newco, name: 'Globex' })).toEqual({ ok: false, reason: 'account_exists', id: 'globex', inPolicy: true });
    expect(await mapChannel(deps, NEWCO, LEAD, { ...newco, tier: 'platinum' })).toEqual({ ok: false, reason: 'unknown_tier' });
    expect(await mapChannel(deps, NEWCO, LEAD, { ...newco, crmUrl: 'javascript:alert(1)' })).toEqual({ ok: false, reason: 'bad_crm_url' });
    expect(await mapChannel(deps, NEWCO, LEAD, { ...newco, name: '!!!' })).toEqual({ ok: false, reason: 'bad_name' });
    expect(await mapChannel(deps, NEWCO, LEAD, { kind: 'existing', accountId: 'nobody' })).toEqual({ ok: false, reason: 'unknown_account' });
    expect(await mapChannel(deps, { platform: 'slack', channel: 'C0NEVER001' }, LEAD, newco)).toEqual({ ok: false, reason: 'not_offered' });

    expect(await mapChannel(deps, NEWCO, LEAD, newco)).toMatchObject({ ok: true });
    expect(await mapChannel(deps, NEWCO, LEAD, { kind: 'existing', accountId: 'globex' })).toEqual({ ok: false, reason: 'already_mapped', account: 'Newco Ltd' });
    await offerChannel(deps, { platform: 'slack', channel: 'C0NEWCO002' }, 'joined');
    expect(await mapChannel(deps, { platform: 'slack', channel: 'C0NEWCO002' }, LEAD, newco)).toEqual({ ok: false, reason: 'account_exists', id: 'newco-ltd', inPolicy: false });
  });
});

describe('an account a lead created is another customer to everyone else', () => {
  it('stops an answer naming it on its way to another account, and only once it exists', async () => {
    const answer: KnowledgeEntry = {
      id: 'qa-invite', kind: 'conversation', purpose: 'answer', category: 'how_to', question: 'How do I invite a teammate?',
      answer: 'Like Newco Ltd, open Settings > Members and press Invite.',
    };
    const withDecider = { ...deps, decider: buildDecider({ policy, kb: [answer] }) } as CoreDeps;
    const globex = newConversation({ platform: 'slack', channel: 'C0GLOBEX01', thread: '5.1' }, 'globex', 1_000);
    const ask = () => decide(withDecider, globex, [], 'How do I invite a teammate?', false);
    expect(await ask()).toMatchObject({ action: 'answer' });

    await offerChannel(deps, NEWCO, 'joined');
    await mapChannel(deps, NEWCO, LEAD, newco);
    const stopped = await ask();
    expect(stopped).toMatchObject({ action: 'escalate', trigger: 'guarded' });
    expect(stopped.rule).toMatch(/names another account \(newco-ltd\)/);
  });
});
