import type { Platform } from './platform/platform.js';
import { slackPlatform } from './slack/slack-platform.js';
import { teamsPlatform } from './teams/teams-platform.js';

/** The platforms Baton can run; each runs when it is configured. A new platform is one folder and one line here. */
export const PLATFORMS: Platform[] = [slackPlatform as Platform, teamsPlatform as Platform];
