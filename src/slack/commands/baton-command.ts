import type { App } from '@slack/bolt';
import { LEAD_COMMANDS_ONLY } from '../../core/copy/refusals.js';
import { isLead } from '../../core/metrics/leads.js';
import type { SlackDeps } from '../slack-deps.js';
import { exportSubcommand } from './export-subcommand.js';
import { gapsSubcommand } from './gaps-subcommand.js';
import { reportSubcommand } from './report-subcommand.js';
import { reviewSubcommand } from './review-subcommand.js';
import { leadDmItem } from '../intake/slack-inbox-item.js';
import type { Subcommand } from './subcommand.js';

export const SUBCOMMANDS: Subcommand[] = [reportSubcommand, reviewSubcommand, exportSubcommand, gapsSubcommand];

function help(): string {
  return ['Baton commands for support leads:', ...SUBCOMMANDS.map((s) => `• ${s.usage}`)].join('\n');
}

/**
 * `/baton <report|review|export|gaps> ...`. Acks within Slack's 3 seconds with a private answer; the
 * slow part (reading the stores, rendering, uploading) is recorded in the inbox under the command's
 * trigger_id and runs from there (runLeadDm), so it is retried, survives a restart and reaches the DM once.
 */
export function registerBatonCommand(app: App, deps: SlackDeps): void {
  app.command('/baton', async ({ command, ack, respond }) => {
    const [name = 'help', ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    if (!isLead(deps.core.policy, command.user_id)) {
      await ack({ response_type: 'ephemeral', text: LEAD_COMMANDS_ONLY });
      return;
    }
    const sub = SUBCOMMANDS.find((s) => s.name === name.toLowerCase());
    const problem = sub ? sub.check(deps, args) : undefined;
    if (!sub || problem) {
      await ack({ response_type: 'ephemeral', text: problem ? `${problem}\n${sub!.usage}` : help() });
      return;
    }
    await ack({ response_type: 'ephemeral', text: sub.accepted(args) });
    const item = leadDmItem(command.user_id, command.trigger_id, { command: sub.name, args }, Date.now());
    await deps.intake.take(item).catch(async (err: unknown) => {
      deps.log.error({ err, subcommand: sub.name, user: command.user_id }, '/baton command could not be recorded');
      await respond({ response_type: 'ephemeral', text: `Sorry, the ${sub.name} could not be started. Please try again in a moment.` }).catch(() => undefined);
    });
  });
}
