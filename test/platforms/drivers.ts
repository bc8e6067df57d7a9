import { fakeDriver } from './fake-driver.js';
import type { PlatformDriver } from './platform-driver.js';
import { slackDriver } from './slack-driver.js';
import { teamsDriver } from './teams-driver.js';
import { webDriver } from './web-driver.js';

/** Every platform the parametrised suites run on: one line each. */
export const DRIVERS: Record<string, () => Promise<PlatformDriver>> = {
  slack: slackDriver,
  teams: teamsDriver,
  web: webDriver,
  fake: fakeDriver,
};
