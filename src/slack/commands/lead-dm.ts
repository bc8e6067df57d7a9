import type { types } from '@slack/bolt';
import { sendOnce } from '../../core/delivery/deliver-once.js';
import type { Clearance, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import { postTagged } from '../gateway/delivery-lookup.js';
import { openDm, shareFiles, type FileToShare } from '../gateway/slack-files.js';
import type { SlackDeps } from '../slack-deps.js';

/** Kept as long as the inbox may try the item that asked for the messages again (an operator's retry included). */
const SENT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Reports, reviews, exports and receipts go to the lead's DM with Baton: nobody else in the channel sees them. */
export interface LeadDm {
  send(message: { text: string; blocks?: types.KnownBlock[] }, files?: FileToShare[], comment?: string): Promise<void>;
}

/**
 * The DM of the lead an inbox item (a `/baton` command, a modal's receipt) writes to: each post and each
 * file share a delivery of its own, `<item>:<n>`, sent once under its id's lock. A post carries the id as
 * metadata, so one whose answer was lost is found in the DM instead of posted again; a file share
 * cannot carry it, so a share whose answer was lost is shared again. A throw fails the item: the inbox
 * tries it again (what is out is not sent again), then sets it aside with its alert.
 */
export function leadDm(deps: SlackDeps, userId: string, item: { id: string; receivedAt: number }): LeadDm {
  let next = 0;
  let dm: Promise<string> | undefined;
  const once = async (send: (channel: string, tag: DeliveryTag) => Promise<Clearance | Sent>) => {
    const id = `${item.id}:${next++}`;
    dm ??= openDm(deps.slack, userId);
    const channel = await dm;
    await sendOnce(deps.core, { id, place: { platform: 'slack', channel, since: item.receivedAt }, ttlMs: SENT_TTL_MS }, (tag) => send(channel, tag));
  };
  const post = (text: string, blocks?: types.KnownBlock[]) => once((channel, tag) => postTagged(deps.slack, { channel, text, ...(blocks ? { blocks } : {}) }, tag));
  return {
    async send(message, files = [], comment) {
      if (message.blocks) await post(message.text, message.blocks);
      if (files.length > 0) {
        await once(async (channel, tag) => {
          const cleared = await tag.beforeSend();
          await shareFiles(deps.slack, channel, files, comment ?? message.text);
          return cleared;
        });
      } else if (!message.blocks) await post(message.text);
    },
  };
}
