/**
 * The workspace the fake Slack Web API pretends to be: the installing team and its bot, the users
 * and channels a test registers, and what the app has written (messages, views, files, reactions).
 * Method handlers read and write it; tests seed it and inspect it.
 */
import type { SocketModeLink } from './fake-slack-app-methods.js';

export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
}

export interface FakeBot {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

/** A user as `users.info` knows it. `team_id` is what tells staff from customers (§2.2). */
export interface FakeUser {
  id: string;
  team_id: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  deleted?: boolean;
  /** Slack sets this when the app shares no channel with the user (§2.2). */
  is_stranger?: boolean;
  enterprise_id?: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private?: boolean;
  /** True for a Slack Connect channel shared with another organisation. */
  is_ext_shared?: boolean;
  /** Team ids of the connected organisations (Slack: `connected_team_ids`). */
  connected_team_ids?: string[];
}

/** A message as stored and as returned in `message` / `messages` fields. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  blocks?: unknown;
  edited?: { user: string; ts: string };
  [key: string]: unknown;
}

export interface StoredView {
  id: string;
  team_id: string;
  type: string;
  hash: string;
  external_id: string;
  user_id?: string;
  [key: string]: unknown;
}

export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  bytes?: Buffer;
  completed: boolean;
}

export class FakeSlackState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly views = new Map<string, StoredView>();
  readonly files = new Map<string, StoredFile>();
  readonly reactions = new Set<string>();
  readonly usedTriggers = new Set<string>();
  /** The app's Socket Mode endpoint, once a FakeSocketMode is attached; apps.connections.open needs it. */
  socketMode: SocketModeLink | undefined;
  private lastTsMicros: bigint;
  private readonly fixedClock: boolean;
  private idCounter = 0;

  /**
   * With `firstTs`, message timestamps are a pure counter from it, 100 µs apart
   * ("1700000000.000100", "1700000000.000200", ...), for tests that assert exact ts values.
   * Without it they follow the wall clock (as Slack's do), still strictly increasing, so the bot's
   * replies sort after customer messages built with real-time ts (ordering is by ts, §7.2).
   */
  constructor(
    readonly team: FakeTeam,
    readonly bot: FakeBot,
    firstTs?: string,
  ) {
    this.fixedClock = firstTs !== undefined;
    this.lastTsMicros = firstTs !== undefined ? tsToMicros(firstTs) - 100n : 0n;
    this.users.set(bot.userId, { id: bot.userId, team_id: team.id, name: bot.name, is_bot: true });
  }

  /** A unique, strictly increasing ts; seeded messages with a later ts push it forward. */
  nextTs(): string {
    const counted = this.lastTsMicros + 100n;
    const now = BigInt(Date.now()) * 1000n;
    this.lastTsMicros = this.fixedClock || counted > now ? counted : now;
    return microsToTs(this.lastTsMicros);
  }

  /** Slack-looking ids: prefix + 10 upper-case alphanumerics, e.g. `V0000000001`. */
  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${String(this.idCounter).padStart(10, '0')}`;
  }

  /** Stores a message (seeded by a test or written by the app) and returns it. */
  addMessage(channel: string, message: Partial<StoredMessage> & { text: string }): StoredMessage {
    const ts = message.ts ?? this.nextTs();
    const micros = tsToMicros(ts);
    if (micros > this.lastTsMicros) this.lastTsMicros = micros;
    const stored: StoredMessage = { ...message, type: 'message', ts };
    const list = this.messages.get(channel) ?? [];
    list.push(stored);
    list.sort((a, b) => (tsToMicros(a.ts) < tsToMicros(b.ts) ? -1 : 1));
    this.messages.set(channel, list);
    return stored;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  /** The parent and its replies, oldest first, as conversations.replies returns them. */
  thread(channel: string, ts: string): StoredMessage[] {
    const list = this.messages.get(channel) ?? [];
    const parent = list.find((m) => m.ts === ts);
    if (parent === undefined) return [];
    const root = parent.thread_ts ?? parent.ts;
    // The parent first, then replies by ts, as Slack returns them.
    return list.filter((m) => m.ts === root).concat(list.filter((m) => m.thread_ts === root && m.ts !== root));
  }

  /** Channel ids the fake will post to: registered ones, or anything shaped like a C/G/D id. */
  knowsChannel(channel: string): boolean {
    return this.channels.has(channel) || /^[CGD][A-Z0-9]{2,}$/.test(channel);
  }
}

export function tsToMicros(ts: string): bigint {
  const [secs = '0', frac = ''] = ts.split('.');
  return BigInt(secs) * 1_000_000n + BigInt(frac.padEnd(6, '0').slice(0, 6));
}

function microsToTs(micros: bigint): string {
  const secs = micros / 1_000_000n;
  const frac = micros % 1_000_000n;
  return `${secs}.${frac.toString().padStart(6, '0')}`;
}
