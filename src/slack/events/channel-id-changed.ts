import type { App } from '@slack/bolt';
import { moveChannel } from '../../core/onboarding/move-channel.js';
import type { SlackDeps } from '../slack-deps.js';

/**
 * A private channel gets a new id when it becomes a Slack Connect channel (platform-facts §2.3). Baton
 * maps accounts by channel id, so the config must follow; until it does, messages there are unmapped.
 * A channel the leads mapped in Slack follows on its own.
 */
export function registerChannelIdChanged(app: App, deps: SlackDeps): void {
  app.event('channel_id_changed', async ({ event }) => {
    const { old_channel_id: from, new_channel_id: to } = event as { old_channel_id?: string; new_channel_id?: string };
    const account = deps.core.policy.accounts.find((a) => from && a.channels.includes(from));
    if (!account) {
      if (from && to) await moveChannel(deps.core, { platform: 'slack', channel: from }, { platform: 'slack', channel: to });
      return;
    }
    deps.log.warn(
      { account: account.id, oldChannel: from, newChannel: to },
      `channel id changed: replace ${from} with ${to} in accounts[${account.id}].channels of the policy file and restart`,
    );
  });
}
