import type { App, types } from '@slack/bolt';
import { INTRO_REFUSALS, mapRefusalText } from '../../core/copy/onboarding-refusals.js';
import type { CoreDeps } from '../../core/deps.js';
import { ACTION } from '../../core/model/actions.js';
import type { ChannelRef } from '../../core/model/conversation-ref.js';
import { introForm } from '../../core/onboarding/approve-intro.js';
import { type MappingForm, mappingForm } from '../../core/onboarding/mapping-form.js';
import { blockActionPayload } from '../normalize/action-payload.js';
import { channelNameValue } from '../normalize/channel-value.js';
import { renderIntroModal, renderMapExistingModal, renderNewAccountModal } from '../render/onboarding-modals.js';
import type { SlackDeps } from '../slack-deps.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** A modal to open, or why the lead cannot take this step (said to them privately). */
type Opened = types.ModalView | string;

function whenMappable(render: (form: MappingForm) => types.ModalView) {
  return async (core: CoreDeps, channel: ChannelRef, lead: string): Promise<Opened> => {
    const form = await mappingForm(core, channel, lead);
    return form.ok ? render(form) : mapRefusalText(form);
  };
}

async function introStep(core: CoreDeps, channel: ChannelRef, lead: string): Promise<Opened> {
  const form = await introForm(core, channel, lead);
  return form.ok ? renderIntroModal(form) : INTRO_REFUSALS[form.reason];
}

const BUTTONS: [string, (core: CoreDeps, channel: ChannelRef, lead: string) => Promise<Opened>][] = [
  [ACTION.mapChannel, whenMappable(renderMapExistingModal)],
  [ACTION.newAccount, whenMappable(renderNewAccountModal)],
  [ACTION.reviewIntro, introStep],
];

/**
 * The buttons on the leads' message about a new channel: each opens its modal (the trigger_id lives
 * 3 seconds; the only work first is one store read) or tells the lead privately why not.
 */
export function registerOnboardingButtons(app: App, deps: SlackDeps): void {
  for (const [actionId, open] of BUTTONS) {
    app.action(actionId, async ({ ack, body }) => {
      await ack();
      const payload = blockActionPayload.safeParse(body);
      const channel = channelNameValue.safeParse(payload.data?.actions[0]?.value);
      if (!payload.success || !channel.success || !payload.data.trigger_id) {
        deps.log.warn({ action: actionId }, 'malformed onboarding action ignored');
        return;
      }
      const { user, container, trigger_id } = payload.data;
      const opened = await open(deps.core, channel.data, user.id);
      if (typeof opened === 'string') await replyEphemeral(deps, payload.data.channel?.id, user.id, opened, container?.thread_ts);
      else await deps.slack.call('views.open', { trigger_id, view: opened });
    });
  }
}
