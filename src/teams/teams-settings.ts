import { createRequire } from 'node:module';
import type { AuthConfiguration, OutboundHostValidator } from '@microsoft/agents-hosting';
import type { Env } from '../config/env.js';
import { ConfigError, type ConfigProblem } from '../config/load-policy.js';

/** The Agents SDK (CommonJS, so loaded synchronously), only once Teams is wanted: a start without Teams never loads it. */
const agentsSdk = () => createRequire(import.meta.url)('@microsoft/agents-hosting') as typeof import('@microsoft/agents-hosting');

export interface TeamsSettings {
  auth: AuthConfiguration;
  /** The bot's id in proactive sends: the app id, or a local name when running without one (development). */
  appId: string;
  /** Only Microsoft's Bot Connector hosts (and any named in TEAMS_SERVICE_HOSTS) ever receive a reply. */
  hosts: OutboundHostValidator;
}

const LOCAL_APP_ID = 'baton-local-dev';

/**
 * Names the Microsoft 365 Agents SDK reads from the environment itself (any letter case), beside the
 * settings Baton hands it: set, they would change who Baton authenticates as without Baton knowing.
 * Baton reads only its TEAMS_* settings, so it refuses to start with Teams while any of these is set.
 */
const SDK_AUTH_NAMES = [
  'clientId', 'clientSecret', 'tenantId', 'certPemFile', 'certKeyFile', 'FICClientId', 'authorityEndpoint', 'authType',
  'federatedTokenFile', 'WIDAssertionFile', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppClientId',
];
const SDK_AUTH_PREFIXES = ['connections__', 'connectionsmap__'];

function sdkAuthVariables(source: NodeJS.ProcessEnv): string[] {
  const names = new Set(SDK_AUTH_NAMES.map((n) => n.toLowerCase()));
  return Object.keys(source).filter((k) => source[k]?.trim() && (names.has(k.toLowerCase()) || SDK_AUTH_PREFIXES.some((p) => k.toLowerCase().startsWith(p))));
}

/**
 * The SDK's settings from Baton's environment. Without an app id the SDK accepts unauthenticated
 * requests (its development mode), so in production that is refused here, naming the setting.
 */
export function teamsSettings(env: Env, source: NodeJS.ProcessEnv = process.env): TeamsSettings {
  const production = env.NODE_ENV?.toLowerCase() === 'production';
  const problems: ConfigProblem[] = [];
  const missing = (key: string, message: string) => problems.push({ file: 'environment', key, message });
  if (production && !env.TEAMS_APP_ID) missing('TEAMS_APP_ID', 'required when NODE_ENV=production, or Teams requests would be accepted without a token');
  if (env.TEAMS_APP_ID && !env.TEAMS_APP_PASSWORD) missing('TEAMS_APP_PASSWORD', 'the client secret of the app registration TEAMS_APP_ID names');
  if (!production && !env.TEAMS_APP_ID && (env.TEAMS_APP_PASSWORD || env.TEAMS_APP_TENANT_ID)) missing('TEAMS_APP_ID', 'the Azure Bot\u2019s Microsoft App ID, which TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID belong to');
  if (env.TEAMS_APP_ID && !env.TEAMS_APP_TENANT_ID) missing('TEAMS_APP_TENANT_ID', 'the tenant the app registration TEAMS_APP_ID lives in');
  for (const name of sdkAuthVariables(source)) {
    missing(name, 'read by the Microsoft 365 Agents SDK beside Baton\u2019s TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID; unset it and use those');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const { getAuthConfigWithDefaults, OutboundHostValidator: Hosts } = agentsSdk();
  const auth = getAuthConfigWithDefaults(
    env.TEAMS_APP_ID ? { clientId: env.TEAMS_APP_ID, clientSecret: env.TEAMS_APP_PASSWORD, tenantId: env.TEAMS_APP_TENANT_ID } : {},
  );
  const extra = (env.TEAMS_SERVICE_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return {
    auth,
    appId: auth.clientId || LOCAL_APP_ID,
    hosts: new Hosts({ enabled: true, includeDefaultMicrosoftHosts: true, hosts: extra }),
  };
}
