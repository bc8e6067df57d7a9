import type { App } from '@slack/bolt';
import { offerChannel } from '../../core/onboarding/offer-channel.js';
import type { OfferReason } from '../../core/ports/onboarding.js';
import type { SlackDeps } from '../slack-deps.js';

/** Channels only: a DM or group DM is never a customer's shared channel. */
const CHANNEL_ID = /^[CG][A-Z0-9]+$/;

interface Envelope {
  authorizations?: { user_id?: string }[];
}

async function offer(deps: SlackDeps, channel: unknown, reason: OfferReason): Promise<void> {
  if (typeof channel !== 'string' || !CHANNEL_ID.test(channel)) return;
  await offerChannel(deps.core, { platform: 'slack', channel }, reason);
}

/**
 * Baton was invited to a channel (its own member_joined_channel, which Bolt's ignoreSelf lets through)
 * or a channel it is in was newly shared with another organization: if no account maps the channel,
 * the leads are asked to map it. The bot's user id comes from the envelope, so nothing is looked up.
 */
export function registerChannelJoined(app: App, deps: SlackDeps): void {
  app.event('member_joined_channel', async ({ event, body, context }) => {
    const bot = (body as Envelope).authorizations?.[0]?.user_id ?? context.botUserId;
    if (!bot || event.user !== bot) return;
    await offer(deps, event.channel, 'joined');
  });
  app.event('channel_shared', async ({ event }) => {
    await offer(deps, (event as { channel?: unknown }).channel, 'shared');
  });
}
