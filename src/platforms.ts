import type { StartMode } from './config/env.js';
import type { Platform } from './platform/platform.js';
import { slackPlatform } from './slack/slack-platform.js';
import { teamsPlatform } from './teams/teams-platform.js';
import { webPlatform } from './web/web-platform.js';

/** The platforms Baton can run; each runs when it is configured. A new platform is one folder and one line here. */
export const PLATFORMS: Platform[] = [slackPlatform as Platform, teamsPlatform as Platform, webPlatform as Platform];

/** Those a start may run: the playground alone when no Slack or Teams setting is set, whatever channels the policy names. */
export function platformsFor(mode: StartMode): Platform[] {
  return mode === 'playground' ? [webPlatform as Platform] : PLATFORMS;
}
