import { beforeEach } from 'vitest';
import { ONBOARD_FIELD, VIEW } from '../../../src/core/model/actions.js';
import type { RecordedCall } from '../../fakes/fake-slack-api.js';
import { eventCallback, selectedOption, sendEvent, sendInteraction, typedText, viewSubmissionPayload, type Actor, type StateValue } from '../../fakes/slack-request.js';
import { DEFAULT_INSTALLATION } from '../../fakes/slack-event-payloads.js';
import { type Harness, useHarness } from '../harness.js';

export const LEADS_CHANNEL = 'C0LEADS001';
export const NEW_CHANNEL = 'C0NEWCO001';
export const ENTERPRISE_QUEUE = 'C0ENTERPR1';
export const lead: Actor = { id: 'U0LEAD0001', teamId: 'T0BATON001', name: 'Lee' };
export const newcoCustomer: Actor = { id: 'U0NEWCO001', teamId: 'T0NEWCO001', name: 'Nia' };

/** A fresh Baton on the onboarding policy, with the lead and a customer of a workspace no account knows. */
export function useOnboardingWorld(): () => Harness {
  const harness = useHarness({ policyFile: 'test/fixtures/e2e/baton.onboard.yaml' });
  beforeEach(() => {
    for (const u of [lead, newcoCustomer]) harness().fake.addUser({ id: u.id, team_id: u.teamId, real_name: u.name, name: u.name });
  });
  return harness;
}

/** Slack tells Baton it was added to a channel (its own member_joined_channel). */
export async function botJoins(h: Harness, channel: string): Promise<void> {
  const event = { type: 'member_joined_channel', user: DEFAULT_INSTALLATION.botUserId, channel, channel_type: 'C', team: DEFAULT_INSTALLATION.teamId, inviter: lead.id };
  const res = await sendEvent(h.target, eventCallback(event));
  if (res.status !== 200) throw new Error(`member_joined_channel answered ${res.status}`);
}

/** The leads' top-level message about `channel` in their channel. */
export function offerFor(h: Harness, channel: string): Promise<RecordedCall> {
  return h.fake.waitFor('chat.postMessage', (c) => c.response.ok && c.args.channel === LEADS_CHANNEL && !c.args.thread_ts && String(c.args.text).includes(`<#${channel}>`));
}

/** Submits a modal as `who` and returns Slack's view of Baton's answer (errors, or the next view). */
export async function submit(h: Harness, who: Actor, callbackId: string, channel: string, values: Record<string, Record<string, StateValue>>) {
  const res = await sendInteraction(h.target, viewSubmissionPayload({ user: who, callbackId, privateMetadata: channel, values }));
  return { status: res.status, body: res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string>; view?: { callback_id: string; blocks: unknown[] } }) : {} };
}

export function newAccountForm(name: string, tier: string, crm: string | null) {
  return {
    [ONBOARD_FIELD.name]: { [ONBOARD_FIELD.name]: typedText(name) },
    [ONBOARD_FIELD.tier]: { [ONBOARD_FIELD.tier]: selectedOption(tier) },
    [ONBOARD_FIELD.crm]: { [ONBOARD_FIELD.crm]: typedText(crm) },
  };
}

/** Maps the new channel to a new enterprise account and approves `intro`, as a lead does in Slack. */
export async function mapAndIntroduce(h: Harness, intro: string) {
  const mapped = await submit(h, lead, VIEW.newAccount, NEW_CHANNEL, newAccountForm('Newco Ltd', 'enterprise', 'https://crm.example.com/newco'));
  const approved = await submit(h, lead, VIEW.approveIntro, NEW_CHANNEL, { [ONBOARD_FIELD.intro]: { [ONBOARD_FIELD.intro]: typedText(intro) } });
  return { mapped, approved };
}
