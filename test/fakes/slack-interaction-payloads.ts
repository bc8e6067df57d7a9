/**
 * Interactivity and slash-command bodies as Slack sends them: `block_actions` and
 * `view_submission` payloads (delivered form-encoded as `payload=<json>`) and slash-command form
 * fields. In a shared channel `team` is the workspace the app posted in while `user.team_id` is
 * the clicker's own organisation (platform-facts §2.1), so the two are set independently.
 */
import { DEFAULT_INSTALLATION, type Installation } from './slack-event-payloads.js';
import { hooksResponseUrl, slackTs, triggerId } from './slack-ids.js';

export interface Actor {
  id: string;
  /** The actor's organisation; a customer's team id for an external user. */
  teamId: string;
  name?: string;
}

const userObject = (u: Actor): Record<string, string> => {
  const name = u.name ?? u.id.toLowerCase();
  return { id: u.id, username: name, name, team_id: u.teamId };
};

const teamObject = (inst: Installation): Record<string, string> => ({ id: inst.teamId, domain: 'baton-support' });

export interface BlockActionOptions {
  user: Actor;
  channel: { id: string; name?: string };
  /** The message carrying the button: its ts, thread, and (optionally) its blocks. */
  message: { ts: string; threadTs?: string; text?: string; blocks?: unknown[] };
  /** `selectedUser`: a pick in a users_select (it carries no text or value, only the user picked). */
  action: { actionId: string; value?: string; blockId?: string; type?: string; text?: string; selectedUser?: string };
  installation?: Installation;
  triggerId?: string;
  responseUrl?: string;
}

/** A click on a message button (or other element) in a channel message. */
export function blockActionsPayload(o: BlockActionOptions): Record<string, unknown> {
  const inst = o.installation ?? DEFAULT_INSTALLATION;
  const thread = o.message.threadTs !== undefined ? { thread_ts: o.message.threadTs } : {};
  return {
    type: 'block_actions',
    user: userObject(o.user),
    api_app_id: inst.appId,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: o.message.ts, channel_id: o.channel.id, is_ephemeral: false, ...thread },
    trigger_id: o.triggerId ?? triggerId(),
    team: teamObject(inst),
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.channel.id, name: o.channel.name ?? 'shared-support' },
    message: {
      type: 'message',
      user: inst.botUserId,
      ts: o.message.ts,
      bot_id: inst.botId,
      app_id: inst.appId,
      text: o.message.text ?? '',
      team: inst.teamId,
      blocks: o.message.blocks ?? [],
      ...thread,
    },
    state: { values: {} },
    response_url: o.responseUrl ?? hooksResponseUrl('actions', inst.teamId),
    actions: [
      o.action.selectedUser !== undefined
        ? { type: 'users_select', action_id: o.action.actionId, block_id: o.action.blockId ?? 'actions', selected_user: o.action.selectedUser, action_ts: slackTs() }
        : {
            action_id: o.action.actionId,
            block_id: o.action.blockId ?? 'actions',
            text: { type: 'plain_text', text: o.action.text ?? o.action.actionId, emoji: true },
            ...(o.action.value !== undefined ? { value: o.action.value } : {}),
            type: o.action.type ?? 'button',
            action_ts: slackTs(),
          },
    ],
  };
}

/** One element's entry in `view.state.values[block_id][action_id]`. */
type SelectedOption = { text: { type: 'plain_text'; text: string; emoji: true }; value: string } | null;
export type StateValue =
  | { type: 'static_select' | 'radio_buttons'; selected_option: SelectedOption }
  | { type: 'plain_text_input'; value: string | null }
  | { type: 'checkboxes'; selected_options: NonNullable<SelectedOption>[] };

const option = (value: string | null, text: string): SelectedOption =>
  value === null ? null : { text: { type: 'plain_text', text, emoji: true }, value };

export const selectedOption = (value: string | null, text = value ?? ''): StateValue => ({ type: 'static_select', selected_option: option(value, text) });

/** A radio group's state; Slack sends `selected_option: null` when none was picked. */
export const selectedRadio = (value: string | null, text = value ?? ''): StateValue => ({ type: 'radio_buttons', selected_option: option(value, text) });

/** The boxes ticked in a checkbox group (none: an empty list). */
export const checkedBoxes = (...values: string[]): StateValue => ({ type: 'checkboxes', selected_options: values.map((v) => option(v, v)!) });

/** Slack sends `value: null` for an input the user left empty. */
export const typedText = (value: string | null): StateValue => ({ type: 'plain_text_input', value });

export interface ViewSubmissionOptions {
  user: Actor;
  callbackId: string;
  privateMetadata?: string;
  /** `state.values`: block_id -> action_id -> value, e.g. `{ category: { category_select: selectedOption('billing') } }`. */
  values: Record<string, Record<string, StateValue>>;
  viewId?: string;
  blocks?: unknown[];
  title?: string;
  installation?: Installation;
}

/** The user pressed Submit on a modal. */
export function viewSubmissionPayload(o: ViewSubmissionOptions): Record<string, unknown> {
  const inst = o.installation ?? DEFAULT_INSTALLATION;
  const viewId = o.viewId ?? 'V0000000001';
  return {
    type: 'view_submission',
    team: teamObject(inst),
    user: userObject(o.user),
    api_app_id: inst.appId,
    token: 'legacy-verification-token',
    trigger_id: triggerId(),
    view: {
      id: viewId,
      team_id: inst.teamId,
      type: 'modal',
      blocks: o.blocks ?? [],
      private_metadata: o.privateMetadata ?? '',
      callback_id: o.callbackId,
      state: { values: o.values },
      hash: `${Math.floor(Date.now() / 1000)}.abcdef12`,
      title: { type: 'plain_text', text: o.title ?? 'Baton', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: inst.appId,
      external_id: '',
      app_installed_team_id: inst.teamId,
      bot_id: inst.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface SlashCommandOptions {
  user: Actor;
  channel: { id: string; name?: string };
  text: string;
  command?: string;
  installation?: Installation;
  triggerId?: string;
  responseUrl?: string;
}

/** Slash-command form fields. Only users of the installing workspace can run one (§2.3). */
export function slashCommandFields(o: SlashCommandOptions): Record<string, string> {
  const inst = o.installation ?? DEFAULT_INSTALLATION;
  return {
    token: 'legacy-verification-token',
    team_id: o.user.teamId,
    team_domain: 'baton-support',
    channel_id: o.channel.id,
    channel_name: o.channel.name ?? 'support-leads',
    user_id: o.user.id,
    user_name: o.user.name ?? o.user.id.toLowerCase(),
    command: o.command ?? '/baton',
    text: o.text,
    api_app_id: inst.appId,
    is_enterprise_install: 'false',
    response_url: o.responseUrl ?? hooksResponseUrl('commands', inst.teamId),
    trigger_id: o.triggerId ?? triggerId(),
  };
}
