import { beforeEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/config/load-policy.js';
import type { CoreDeps } from '../../../src/core/deps.js';
import type { InboundMessage } from '../../../src/core/model/message.js';
import { admitMessage } from '../../../src/core/onboarding/admit-message.js';
import { approveIntro } from '../../../src/core/onboarding/approve-intro.js';
import { findAccountForChannel } from '../../../src/core/onboarding/channel-directory.js';
import { mapChannel } from '../../../src/core/onboarding/map-channel.js';
import { offerChannel } from '../../../src/core/onboarding/offer-channel.js';
import { OnboardingGatewayRouter } from '../../../src/core/onboarding/onboarding-gateway-router.js';
import { MemoryOnboardingStore, onboardingCore, RecordingOnboardingGateway } from '../../fakes/memory-onboarding.js';

const policy = loadPolicy('test/teams/baton.teams.yaml');
const LEAD = 'U0LEAD0001';
const CHAT = { platform: 'teams', channel: '19:fabrikam-chat@thread.v2' } as const;

let slack: RecordingOnboardingGateway;
let teams: RecordingOnboardingGateway;
let deps: CoreDeps;

beforeEach(() => {
  slack = new RecordingOnboardingGateway();
  teams = new RecordingOnboardingGateway();
  deps = onboardingCore(policy, new MemoryOnboardingStore(), new OnboardingGatewayRouter({ slack }, { slack, teams }));
});

const question: InboundMessage = { id: '1', ref: { ...CHAT, thread: 'chat' }, text: 'Where are our invoices?', at: 1_000, author: { id: 'aad-fay', name: 'Fay', isExternal: true } };

describe('a Teams group chat no account maps', () => {
  it('is offered to the leads in Slack by its name; held messages go there; the introduction goes to Teams', async () => {
    expect(await offerChannel(deps, CHAT, 'joined', 'Fabrikam and Vendor')).toBe('offered');
    expect(slack.offers).toEqual([{ leads: { platform: 'slack', channel: 'C0LEADS001' }, view: expect.objectContaining({ channel: CHAT, title: 'Fabrikam and Vendor', status: 'offered' }) }]);
    expect(await admitMessage(deps, question)).toEqual({ admitted: false, reason: 'awaiting_consent' });
    expect(slack.held).toEqual([{ channel: CHAT, title: 'Fabrikam and Vendor', authorName: 'Fay', text: 'Where are our invoices?' }]);

    expect(await mapChannel(deps, CHAT, LEAD, { kind: 'existing', accountId: 'globex' })).toMatchObject({ ok: true, title: 'Fabrikam and Vendor' });
    expect(await findAccountForChannel(deps, CHAT)).toBeUndefined();
    expect(await approveIntro(deps, CHAT, LEAD, 'Hello Fabrikam!')).toEqual({ ok: true });
    expect(teams.intros).toEqual([{ channel: CHAT, text: 'Hello Fabrikam!' }]);
    expect(slack.intros).toEqual([]);
    expect((await findAccountForChannel(deps, CHAT))?.id).toBe('globex');
    expect(teams.offers).toEqual([]);
  });

  it('stays quiet when Teams refuses the introduction, and the lead may approve again', async () => {
    await offerChannel(deps, CHAT, 'message');
    await mapChannel(deps, CHAT, LEAD, { kind: 'existing', accountId: 'globex' });
    teams.refuse.intro = 1;
    expect(await approveIntro(deps, CHAT, LEAD, 'Hello!')).toEqual({ ok: false, reason: 'not_posted' });
    expect(await findAccountForChannel(deps, CHAT)).toBeUndefined();
    expect(await approveIntro(deps, CHAT, LEAD, 'Hello!')).toEqual({ ok: true });
  });
});
