import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import { nameWordsOf } from '../../../core/feedback/redact.js';
import type { HelpdeskTicket } from '../helpdesk-ticket.js';
import { UnreadableFileError } from '../unreadable-file.js';
import type { ExportFiles } from './export-files.js';

/** Who is staff, and which customer account each shared channel belongs to: what the policy says at run time. */
export interface SlackWorkspace {
  /** slack.team_ids; when empty, the export's own workspace (the team most of users.json belongs to). */
  staffTeams: ReadonlySet<string>;
  staffEnterprises: ReadonlySet<string>;
  /** Channel id -> policy account id (accounts[].channels). */
  channelAccounts: ReadonlyMap<string, string>;
}

interface SlackUser {
  id: string;
  team_id?: string;
  is_bot?: boolean;
  name?: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string; email?: string };
  enterprise_user?: { enterprise_id?: string };
}
interface SlackMessage {
  type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  team?: string;
  user_team?: string;
}

/**
 * What Slack's workspace export holds: users.json (org_users.json from Enterprise Grid), channels.json,
 * and a folder per channel.
 */
export function isSlackExport(files: Pick<ExportFiles, 'has'>): boolean {
  return (files.has('users.json') || files.has('org_users.json')) && files.has('channels.json');
}

/** A JSON file of the export; one that is not JSON stops the import (the export is damaged). */
function readJson<T>(files: ExportFiles, path: string, fallback: T): T {
  const text = files.read(path);
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UnreadableFileError(files.where(path), 'is not valid JSON: the export is truncated or damaged');
  }
}

/** Everyone the export lists: the workspace's users, and an Enterprise Grid's whole organization. */
function usersOf(files: ExportFiles): SlackUser[] {
  return [...readJson<SlackUser[]>(files, 'users.json', []), ...readJson<SlackUser[]>(files, 'org_users.json', [])];
}

/** Every word of every person's name in the export (bots aside): redacted wherever it appears. */
export function slackNameWords(files: ExportFiles): Set<string> {
  return nameWordsOf(usersOf(files).filter((u) => !u.is_bot).flatMap((u) => [u.real_name, u.name, u.profile?.real_name, u.profile?.display_name].filter((n): n is string => !!n)));
}
/** Messages people wrote (not joins, topic changes and the like). */
const SPOKEN = new Set([undefined, 'thread_broadcast', 'file_share', 'bot_message', 'me_message']);

/** Slack's markup made plain: links keep their label, mentions become a placeholder. */
function plain(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, '[NAME]')
    .replace(/<(?:mailto:)?([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function homeTeam(users: SlackUser[]): string | undefined {
  const counts = new Map<string, number>();
  for (const u of users) if (u.team_id && !u.is_bot) counts.set(u.team_id, (counts.get(u.team_id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

type Role = 'customer' | 'staff' | 'bot';

/** A day file's messages; one that is not a JSON list stops the import. */
function dayMessages(files: ExportFiles, path: string): SlackMessage[] {
  const list = readJson<unknown>(files, path, []);
  if (!Array.isArray(list)) throw new UnreadableFileError(files.where(path), 'is not a JSON list of messages');
  return list as SlackMessage[];
}

/** Threads of one channel, each root message with its replies (by thread_ts), across the day files. */
function channelThreads(files: ExportFiles, dir: string): SlackMessage[][] {
  const threads = new Map<string, SlackMessage[]>();
  for (const day of files.list(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const m of dayMessages(files, `${dir}/${day}`)) {
      if (!m || typeof m !== 'object') continue;
      if (m.type !== 'message' || !SPOKEN.has(m.subtype) || !m.ts) continue;
      const key = m.thread_ts ?? m.ts;
      threads.set(key, [...(threads.get(key) ?? []), m]);
    }
  }
  return [...threads.values()].map((t) => t.sort((a, b) => Number(a.ts) - Number(b.ts)));
}

/**
 * Signs a thread needed a person: staff replied after the bot had (`escalated`); a second staff member
 * took over from the first (`reassigned`).
 */
function evidence(roles: { role: Role; user?: string }[]): HumanEvidence[] {
  const out: HumanEvidence[] = [];
  const bot = roles.findIndex((r) => r.role === 'bot');
  if (bot >= 0 && roles.slice(bot).some((r) => r.role === 'staff')) out.push('escalated');
  if (new Set(roles.filter((r) => r.role === 'staff').map((r) => r.user)).size > 1) out.push('reassigned');
  return out;
}

/**
 * Every thread of every channel of the export as a ticket: customers and staff told apart by team id
 * as at run time, the channel's account from the policy (a channel the policy does not name keeps its
 * own id as the account: learned from, quoted to nobody until approved).
 */
export function* slackExportTickets(files: ExportFiles, ws: SlackWorkspace): Generator<{ ticket: HelpdeskTicket; where: string }> {
  const users = usersOf(files);
  const byId = new Map(users.map((u) => [u.id, u]));
  const staffTeams = ws.staffTeams.size > 0 ? ws.staffTeams : new Set([homeTeam(users)].filter((t): t is string => t !== undefined));
  const roleOf = (m: SlackMessage): Role => {
    const u = m.user ? byId.get(m.user) : undefined;
    if (m.bot_id || m.subtype === 'bot_message' || u?.is_bot) return 'bot';
    const team = m.user_team ?? m.team ?? u?.team_id;
    const enterprise = u?.enterprise_user?.enterprise_id;
    return (team && staffTeams.has(team)) || (enterprise && ws.staffEnterprises.has(enterprise)) ? 'staff' : 'customer';
  };
  const channels = [...readJson<{ id: string; name: string }[]>(files, 'channels.json', []), ...readJson<{ id: string; name: string }[]>(files, 'groups.json', [])];
  for (const ch of channels) {
    for (const thread of channelThreads(files, ch.name)) {
      const roles = thread.map((m) => ({ role: roleOf(m), ...(m.user ? { user: m.user } : {}) }));
      const turns: KnowledgeTurn[] = thread.flatMap((m, i) => (roles[i]!.role === 'bot' || !m.text ? [] : [{ role: roles[i]!.role === 'staff' ? 'agent' : 'customer', text: plain(m.text) } as KnowledgeTurn]));
      const names = thread.flatMap((m) => {
        const u = m.user ? byId.get(m.user) : undefined;
        return [u?.real_name, u?.name, u?.profile?.real_name, u?.profile?.display_name, u?.profile?.email].filter((n): n is string => !!n);
      });
      const answered = roles.some((r) => r.role === 'staff');
      yield {
        where: `${files.where(ch.name)} thread ${thread[0]!.ts}`,
        ticket: {
          id: `slack:${ch.id}:${thread[0]!.ts}`,
          turns,
          tags: [],
          evidence: evidence(roles),
          names,
          account: ws.channelAccounts.get(ch.id) ?? ch.id,
          ...(answered ? {} : { status: 'no staff reply' }),
        },
      };
    }
  }
}
