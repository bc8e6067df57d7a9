import { parseChannelName } from '../core/model/conversation-ref.js';
import type { Platform } from '../platform/platform.js';
import { policyChannels } from '../platform/policy-channels.js';
import { teamsSettings, type TeamsSettings } from './teams-settings.js';

export const TEAMS = 'teams';
const TEAMS_SETTINGS = ['TEAMS_APP_ID', 'TEAMS_APP_PASSWORD', 'TEAMS_APP_TENANT_ID'] as const;

/** Microsoft Teams: the Agents SDK on POST /api/messages, Adaptive Cards, proactive sends through the Bot Connector. */
export const teamsPlatform: Platform<TeamsSettings> = {
  tag: TEAMS,
  wanted: (source, policy) => TEAMS_SETTINGS.some((k) => source[k]) || policyChannels(policy).some(({ name }) => parseChannelName(name).platform === TEAMS),
  // Every Teams problem (a secret without its app id, an SDK variable set beside Baton's) is named by `settings`.
  missing: () => [],
  settings: (env, _policy, source) => teamsSettings(env, source),
  // The Agents SDK and the Teams edge are loaded only here, where Teams is configured.
  open: async (settings, ctx) => (await import('./open-teams.js')).openTeams(settings, ctx),
};
