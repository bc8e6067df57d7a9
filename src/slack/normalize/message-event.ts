import { z } from 'zod';
import type { InboundMessage } from '../../core/model/message.js';
import { plainText } from './slack-text.js';

/** Message subtypes that are still a person writing; every other subtype (edits, joins, bots) is not. */
const PERSON_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

const messageEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  subtype: z.string().optional(),
  user: z.string().optional(),
  user_team: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional().default(''),
  channel: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
});

export interface SlackInbound {
  message: Omit<InboundMessage, 'author'>;
  userId: string;
  userTeam?: string;
}

/** A Slack message or app_mention event as a core message, or undefined when it is not a person writing. */
export function normalizeMessageEvent(raw: unknown, botUserId?: string): SlackInbound | undefined {
  const parsed = messageEvent.safeParse(raw);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  if (e.bot_id || !e.user || e.user === botUserId) return undefined;
  if (e.subtype && !PERSON_SUBTYPES.has(e.subtype)) return undefined;
  return {
    message: {
      id: e.ts,
      ref: { platform: 'slack', channel: e.channel, thread: e.thread_ts ?? e.ts },
      text: plainText(e.text, botUserId),
      at: Math.round(Number(e.ts) * 1000),
    },
    userId: e.user,
    ...(e.user_team ? { userTeam: e.user_team } : {}),
  };
}
