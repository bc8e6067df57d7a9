import type { types } from '@slack/bolt';
import type { IntroForm } from '../../core/onboarding/approve-intro.js';
import type { MappingForm } from '../../core/onboarding/mapping-form.js';
import { ONBOARD_FIELD, VIEW } from '../../core/model/actions.js';
import { channelName } from '../../core/model/conversation-ref.js';
import { LIMITS } from './block-limits.js';
import { channelMention } from './channel-mention.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

const MAX_INPUT = 3000;

const option = (value: string, label: string): types.PlainTextOption => ({ text: { type: 'plain_text', text: clip(label, LIMITS.optionText) }, value: value.slice(0, LIMITS.optionValue) });

function modal(callbackId: string, channel: string, title: string, submit: string, blocks: types.KnownBlock[]): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: channel,
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

const intro = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** "Map to an existing account": one select of every account (Slack shows at most 100). */
export function renderMapExistingModal(form: MappingForm): types.ModalView {
  const name = channelName(form.channel);
  return modal(VIEW.mapChannel, name, 'Map channel', 'Map', [
    intro(`Which customer is ${channelMention(form.channel, form.title)} shared with?`),
    {
      type: 'input',
      block_id: ONBOARD_FIELD.account,
      label: { type: 'plain_text', text: 'Account' },
      element: { type: 'static_select', action_id: ONBOARD_FIELD.account, placeholder: { type: 'plain_text', text: 'Choose one' }, options: form.accounts.slice(0, 100).map((a) => option(a.id, `${a.name} (${a.tier})`)) },
    },
  ]);
}

/** "Create a new account": its name, tier (one routing knows) and CRM link. */
export function renderNewAccountModal(form: MappingForm): types.ModalView {
  const name = channelName(form.channel);
  return modal(VIEW.newAccount, name, 'New account', 'Create', [
    intro(`A new account for the customer in ${channelMention(form.channel, form.title)}. It is stored at once; no config edit or restart.`),
    { type: 'input', block_id: ONBOARD_FIELD.name, label: { type: 'plain_text', text: 'Account name' }, element: { type: 'plain_text_input', action_id: ONBOARD_FIELD.name, max_length: 100 } },
    {
      type: 'input',
      block_id: ONBOARD_FIELD.tier,
      label: { type: 'plain_text', text: 'Tier' },
      element: { type: 'static_select', action_id: ONBOARD_FIELD.tier, placeholder: { type: 'plain_text', text: 'Choose one' }, options: form.tiers.slice(0, 100).map((t) => option(t, t)) },
    },
    {
      type: 'input',
      block_id: ONBOARD_FIELD.crm,
      optional: true,
      label: { type: 'plain_text', text: 'CRM link' },
      element: { type: 'plain_text_input', action_id: ONBOARD_FIELD.crm, max_length: 500, placeholder: { type: 'plain_text', text: 'https://…' } },
    },
  ]);
}

/** The consent step: the introduction as Baton would post it, editable; nothing is said before Approve. */
export function renderIntroModal(form: Extract<IntroForm, { ok: true }>): types.ModalView {
  return modal(VIEW.approveIntro, channelName(form.channel), 'Introduce Baton', 'Approve and post', [
    intro(clip(`Baton says nothing in ${channelMention(form.channel, form.title)} (*${escapeMrkdwn(form.account)}*) until you approve its introduction. Edit it as you like; on approve it is posted there and Baton answers from then on.`, LIMITS.sectionText)),
    {
      type: 'input',
      block_id: ONBOARD_FIELD.intro,
      label: { type: 'plain_text', text: 'Introduction' },
      element: { type: 'plain_text_input', action_id: ONBOARD_FIELD.intro, multiline: true, max_length: MAX_INPUT, initial_value: form.intro.slice(0, MAX_INPUT) },
    },
  ]);
}
