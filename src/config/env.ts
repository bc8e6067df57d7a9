import { z } from 'zod';
import { ConfigError } from './load-policy.js';

const PORT_NUMBER = 'a port number, 0 to 65535';
/** A count from the environment, with a message an operator can act on (zod's own reads "expected number, received NaN"). */
const wholePositive = (unit: string) => {
  const message = `a whole number of ${unit}, above 0`;
  return z.coerce.number(message).int(message).positive(message);
};

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with xapp-').optional(),
  SLACK_API_URL: z.url().optional(),
  PORT: z.coerce.number(PORT_NUMBER).int(PORT_NUMBER).min(0, PORT_NUMBER).max(65535, PORT_NUMBER).default(3000),
  BATON_CONFIG: z.string().default('config/baton.yaml'),
  BATON_STORE: z.string().default('sqlite://data/baton.sqlite'),
  BATON_KB: z.string().default('data/knowledge.jsonl'),
  BATON_DOCS: z.string().default('config/knowledge'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: readable lines in a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: wholePositive('milliseconds').default(20_000),
  BATON_MAX_BACKLOG: wholePositive('messages').default(2000),
  BATON_DELIVERY_DEADLINE_SECONDS: wholePositive('seconds').default(300),
  /** Tries an inbox item gets before it is set aside as a dead letter (`baton inbox`). */
  BATON_INBOX_MAX_TRIES: wholePositive('tries').default(5),
  /** The Azure Bot's Microsoft App ID (a GUID): Teams requests must carry a token for it. */
  TEAMS_APP_ID: z.guid('the Azure Bot\u2019s Microsoft App ID (a GUID)').optional(),
  /** A client secret of that app registration. */
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  /** The tenant the app registration lives in (single-tenant bots). */
  TEAMS_APP_TENANT_ID: z.guid('a Microsoft tenant id (a GUID)').optional(),
  /** Extra hosts Baton may send Teams replies to, beside Microsoft's own (comma-separated). */
  TEAMS_SERVICE_HOSTS: z.string().optional(),
  NODE_ENV: z.string().optional(),
  /** 1: the playground, beside the Slack or Teams settings set (alone when none is); 0: never the playground. */
  BATON_PLAYGROUND: z.enum(['0', '1'], 'BATON_PLAYGROUND is 1 (the playground, beside any platform configured) or 0 (never)').optional(),
  /** Where the playground listens: loopback unless asked, since it has no sign-in. */
  BATON_PLAYGROUND_HOST: z.string().default('127.0.0.1'),
});

export type Env = z.infer<typeof envSchema>;

/** Reads process.env once; nothing else in Baton looks at it. Blank values count as unset. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => ({ file: 'environment', key: i.path.join('.'), message: i.message })));
}

/**
 * Settings whose presence means a real Slack or Teams install is meant, so the playground does not run alone.
 * TEAMS_SERVICE_HOSTS counts: Teams in local development (no app id, a fake Bot Connector) sets only it.
 */
const PLATFORM_SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'TEAMS_APP_ID', 'TEAMS_APP_PASSWORD', 'TEAMS_APP_TENANT_ID', 'TEAMS_SERVICE_HOSTS'] as const;

/**
 * `platforms`: the configured chat platforms (Slack, Teams, any combination; the playground beside them
 * with BATON_PLAYGROUND=1); `playground`: the browser playground alone.
 */
export type StartMode = 'platforms' | 'playground';

/**
 * With no Slack or Teams setting at all, `npm start` opens the playground alone; any one of them means an
 * install is meant, so a missing companion setting is an error naming it, never a silent playground.
 */
export function startMode(source: Readonly<Record<string, unknown>>): StartMode {
  if (source.BATON_PLAYGROUND === '0') return 'platforms';
  return PLATFORM_SETTINGS.some((k) => source[k]) ? 'platforms' : 'playground';
}
