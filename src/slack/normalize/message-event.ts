import { z } from 'zod';
import type { InboundMessage, SharedFile } from '../../core/model/message.js';
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
  /**
   * Files shared with the message. In a Slack Connect channel a file from another organisation may come
   * with its id only (`file_access: check_file_info`): it is still named as a file, without its details.
   */
  files: z.array(z.looseObject({ name: z.string().optional(), title: z.string().optional(), mimetype: z.string().optional(), filetype: z.string().optional(), permalink: z.string().optional() })).optional(),
});

function sharedFiles(files: z.infer<typeof messageEvent>['files']): SharedFile[] {
  return (files ?? []).map((f) => ({
    name: f.name ?? f.title ?? 'a file (Slack did not share its name)',
    type: f.mimetype ?? f.filetype ?? 'unknown type',
    ...(f.permalink ? { link: f.permalink } : {}),
  }));
}

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
  const files = sharedFiles(e.files);
  return {
    message: {
      id: e.ts,
      ref: { platform: 'slack', channel: e.channel, thread: e.thread_ts ?? e.ts },
      text: plainText(e.text, botUserId),
      ...(files.length > 0 ? { files } : {}),
      at: Math.round(Number(e.ts) * 1000),
    },
    userId: e.user,
    ...(e.user_team ? { userTeam: e.user_team } : {}),
  };
}
