import type { Activity } from '@microsoft/agents-activity';
import { platformLabel } from '../../core/metrics/platform-rows.js';
import { ACTION, ONBOARD_FIELD, VIEW } from '../../core/model/actions.js';
import { channelName, type ChannelRef } from '../../core/model/conversation-ref.js';
import type { IntroForm } from '../../core/onboarding/approve-intro.js';
import type { MappingForm } from '../../core/onboarding/mapping-form.js';
import type { HeldMessage, OnboardingView } from '../../core/ports/onboarding.js';
import { button, card, plainText, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import type { FormState } from './staff-forms.js';

const REASONS: Record<OnboardingView['reason'], string> = {
  joined: 'Baton was added to',
  shared: 'A new Slack Connect share started in',
  message: 'A customer wrote in',
};

/** Teams shows at most 100 choices in one list. */
const MAX_CHOICES = 100;
const MAX_INTRO = 3000;

/** A customer conversation as the leads read it in Teams: its name where the platform gives one, else its id, and the platform. */
export function placeName(ref: ChannelRef, title?: string): string {
  return `${title ?? ref.channel} (${platformLabel(ref.platform)})`;
}

function accountLine(account: NonNullable<OnboardingView['account']>): string {
  return `${account.name} (${account.tier}${account.crmUrl ? `, CRM: ${account.crmUrl}` : ''})`;
}

function statusText(view: OnboardingView, nameOf: (id: string | undefined) => string): string {
  const place = placeName(view.channel, view.title);
  if (view.status === 'offered' || !view.account) {
    return `${REASONS[view.reason]} ${place}, a conversation no account maps. Map it to an account so Baton can help there. Baton says nothing in it until it is mapped and a lead approves its introduction.`;
  }
  if (view.status === 'mapped') return `${place} is mapped to ${accountLine(view.account)} by ${nameOf(view.mappedBy)}. Baton stays quiet there until a lead approves its introduction.`;
  return `${place} is live for ${accountLine(view.account)}. ${nameOf(view.approvedBy)} approved the introduction and Baton posted it:`;
}

/** The leads' card about a new conversation: where it stands, and the one next step as buttons (each checks the lead). */
export function onboardingCard(view: OnboardingView, nameOf: (id: string | undefined) => string): AdaptiveCard {
  const data = { channel: channelName(view.channel) };
  const held = view.held > 0 && view.status !== 'live'
    ? [plainText(`${view.held} customer message${view.held === 1 ? '' : 's'} arrived meanwhile; Baton left ${view.held === 1 ? 'it' : 'them'} to people. Each is in this thread.`, { isSubtle: true, size: 'Small' })]
    : [];
  const intro = view.status === 'live' && view.intro ? [{ type: 'Container', style: 'emphasis', items: [plainText(view.intro)] }] : [];
  const actions =
    view.status === 'offered' ? [button('Map to an existing account', ACTION.mapChannel, data), button('Create a new account', ACTION.newAccount, data)]
    : view.status === 'mapped' ? [button('Review introduction', ACTION.reviewIntro, data)]
    : [];
  return card([plainText(statusText(view, nameOf)), ...intro, ...held], actions);
}

/** The card's notification text: where the conversation stands, naming nobody. */
export function onboardingSummary(view: OnboardingView): string {
  return statusText(view, () => 'a lead');
}

/** A customer message Baton did not answer, as the leads read it under the card. Plain text: the customer's words never form markup. */
export function heldActivity(message: HeldMessage): Partial<Activity> {
  const who = message.authorName ?? 'A customer';
  return { type: 'message', textFormat: 'plain', text: `${who} wrote in ${placeName(message.channel, message.title)}, not answered by Baton (the conversation is not live yet):\n${message.text}` } as Partial<Activity>;
}

function error(state: FormState, field: string): CardElement[] {
  const text = state.errors[field];
  return text ? [plainText(text, { color: 'Attention', size: 'Small' })] : [];
}

const choices = (list: { title: string; value: string }[]) => list.slice(0, MAX_CHOICES);

/** "Map to an existing account", in place of the leads' card: one list of every account. */
export function mapExistingCard(form: MappingForm, state: FormState = { values: {}, errors: {} }): AdaptiveCard {
  const data = { channel: channelName(form.channel) };
  const picked = state.values[ONBOARD_FIELD.account];
  return card(
    [
      plainText(`Which customer is ${placeName(form.channel, form.title)} shared with?`),
      {
        type: 'Input.ChoiceSet', id: ONBOARD_FIELD.account, label: 'Account', isRequired: true, errorMessage: 'Choose the account.',
        choices: choices(form.accounts.map((a) => ({ title: `${a.name} (${a.tier})`, value: a.id }))),
        ...(picked ? { value: picked } : {}),
      },
      ...error(state, ONBOARD_FIELD.account),
    ],
    [button('Map', ACTION.submitMapping, data), button('Cancel', ACTION.showOffer, data, { skipInputs: true })],
  );
}

/** "Create a new account": its name, tier (one routing knows) and CRM link, stored at once. */
export function newAccountCard(form: MappingForm, state: FormState = { values: {}, errors: {} }): AdaptiveCard {
  const data = { channel: channelName(form.channel) };
  const v = state.values;
  return card(
    [
      plainText(`A new account for the customer in ${placeName(form.channel, form.title)}. It is stored at once; no config edit or restart.`),
      { type: 'Input.Text', id: ONBOARD_FIELD.name, label: 'Account name', isRequired: true, errorMessage: 'Name the account.', maxLength: 100, ...(v[ONBOARD_FIELD.name] ? { value: v[ONBOARD_FIELD.name] } : {}) },
      ...error(state, ONBOARD_FIELD.name),
      {
        type: 'Input.ChoiceSet', id: ONBOARD_FIELD.tier, label: 'Tier', isRequired: true, errorMessage: 'Choose a tier.',
        choices: choices(form.tiers.map((t) => ({ title: t, value: t }))),
        ...(v[ONBOARD_FIELD.tier] ? { value: v[ONBOARD_FIELD.tier] } : {}),
      },
      ...error(state, ONBOARD_FIELD.tier),
      { type: 'Input.Text', id: ONBOARD_FIELD.crm, label: 'CRM link (optional)', placeholder: 'https://\u2026', maxLength: 500, ...(v[ONBOARD_FIELD.crm] ? { value: v[ONBOARD_FIELD.crm] } : {}) },
      ...error(state, ONBOARD_FIELD.crm),
    ],
    [button('Create', ACTION.submitNewAccount, data), button('Cancel', ACTION.showOffer, data, { skipInputs: true })],
  );
}

/** The consent step: the introduction as Baton would post it, editable; nothing is said before Approve. */
export function introCard(form: Extract<IntroForm, { ok: true }>, state: FormState = { values: {}, errors: {} }): AdaptiveCard {
  const data = { channel: channelName(form.channel) };
  const text = state.values[ONBOARD_FIELD.intro] ?? form.intro;
  return card(
    [
      plainText(`Baton says nothing in ${placeName(form.channel, form.title)} (${form.account}) until you approve its introduction. Edit it as you like; on approve it is posted there and Baton answers from then on.`),
      { type: 'Input.Text', id: ONBOARD_FIELD.intro, label: 'Introduction', isMultiline: true, isRequired: true, errorMessage: 'Write the introduction.', maxLength: MAX_INTRO, value: text.slice(0, MAX_INTRO) },
      ...error(state, ONBOARD_FIELD.intro),
    ],
    [button('Approve and post', VIEW.approveIntro, data), button('Cancel', ACTION.showOffer, data, { skipInputs: true })],
  );
}
