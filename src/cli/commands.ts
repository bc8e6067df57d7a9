import { calibrateCommand } from './calibrate.js';
import type { CliCommand } from './command.js';
import { exportTrainingCommand } from './export-training.js';
import { gapsExportCommand } from './gaps-export.js';
import { inboxDropCommand, inboxListCommand, inboxRetryCommand } from './inbox.js';
import { kbApproveCommand } from './kb-approve.js';
import { kbIngestCommand } from './kb-ingest.js';
import { kbSourcesCommand } from './kb-sources.js';
import { kbStatsCommand } from './kb-stats.js';
import { kbSyncCommand } from './kb-sync.js';
import { kbSuggestCommand } from './kb-suggest.js';
import { policyMergeCommand } from './policy-merge.js';
import { teamsPackageCommand } from './teams-package.js';
import { triageReplayCommand } from './triage-replay.js';

/** Every command of the CLI, in the order help lists them. */
export const COMMANDS: CliCommand[] = [
  kbIngestCommand,
  kbStatsCommand,
  kbSuggestCommand,
  kbApproveCommand,
  kbSyncCommand,
  kbSourcesCommand,
  triageReplayCommand,
  calibrateCommand,
  policyMergeCommand,
  exportTrainingCommand,
  gapsExportCommand,
  teamsPackageCommand,
  inboxListCommand,
  inboxRetryCommand,
  inboxDropCommand,
];
