import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HumanEvidence, KnowledgeTurn } from '../../../core/ports/knowledge.js';
import type { HelpdeskTicket } from '../helpdesk-ticket.js';

/** Who is staff, and which customer account each shared channel belongs to: what the policy says at run time. */
export interface SlackWorkspace {
  /** vendor.team_ids; when empty, the export's own workspace (the team most of users.json belongs to). */
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

/** A folder Slack's workspace export made: users.json, channels.json, and a folder per channel. */
export function isSlackExport(dir: string): boolean {
  return existsSync(join(dir, 'users.json')) && existsSync(join(dir, 'channels.json'));
}

const readJson = <T>(file: string, fallback: T): T => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : fallback);
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

/** A day file's messages; one that is not a JSON list is reported and left out. */
function dayMessages(file: string, bad: string[]): SlackMessage[] {
  try {
    const list = readJson<unknown>(file, []);
    if (Array.isArray(list)) return list as SlackMessage[];
  } catch {
    // reported below
  }
  bad.push(file);
  return [];
}

/** Threads of one channel, each root message with its replies (by thread_ts), across the day files. */
function channelThreads(dir: string, bad: string[]): SlackMessage[][] {
  if (!existsSync(dir)) return [];
  const threads = new Map<string, SlackMessage[]>();
  for (const day of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const m of dayMessages(join(dir, day), bad)) {
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
export function* slackExportTickets(dir: string, ws: SlackWorkspace): Generator<{ ticket: HelpdeskTicket; where: string } | { error: string; where: string }> {
  const users = readJson<SlackUser[]>(join(dir, 'users.json'), []);
  const byId = new Map(users.map((u) => [u.id, u]));
  const staffTeams = ws.staffTeams.size > 0 ? ws.staffTeams : new Set([homeTeam(users)].filter((t): t is string => t !== undefined));
  const roleOf = (m: SlackMessage): Role => {
    const u = m.user ? byId.get(m.user) : undefined;
    if (m.bot_id || m.subtype === 'bot_message' || u?.is_bot) return 'bot';
    const team = m.user_team ?? m.team ?? u?.team_id;
    const enterprise = u?.enterprise_user?.enterprise_id;
    return (team && staffTeams.has(team)) || (enterprise && ws.staffEnterprises.has(enterprise)) ? 'staff' : 'customer';
  };
  const channels = [...readJson<{ id: string; name: string }[]>(join(dir, 'channels.json'), []), ...readJson<{ id: string; name: string }[]>(join(dir, 'groups.json'), [])];
  for (const ch of channels) {
    const bad: string[] = [];
    for (const thread of channelThreads(join(dir, ch.name), bad)) {
      const roles = thread.map((m) => ({ role: roleOf(m), ...(m.user ? { user: m.user } : {}) }));
      const turns: KnowledgeTurn[] = thread.flatMap((m, i) => (roles[i]!.role === 'bot' || !m.text ? [] : [{ role: roles[i]!.role === 'staff' ? 'agent' : 'customer', text: plain(m.text) } as KnowledgeTurn]));
      const names = thread.flatMap((m) => {
        const u = m.user ? byId.get(m.user) : undefined;
        return [u?.real_name, u?.name, u?.profile?.real_name, u?.profile?.display_name, u?.profile?.email].filter((n): n is string => !!n);
      });
      const answered = roles.some((r) => r.role === 'staff');
      yield {
        where: `${join(dir, ch.name)} thread ${thread[0]!.ts}`,
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
    yield* bad.map((where) => ({ error: 'day file is not a JSON list of messages', where }));
  }
}
