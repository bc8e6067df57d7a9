import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { LEAD_COMMANDS_ONLY } from '../../core/copy/refusals.js';
import type { LoopDeps } from '../../core/deps.js';
import { EXPORT_WORDS, parseExportArgs } from '../../core/feedback/export-args.js';
import { loadReview } from '../../core/feedback/weekly-review.js';
import { isLead } from '../../core/metrics/leads.js';
import { loadReport } from '../../core/metrics/load-report.js';
import { parseReportArgs } from '../../core/metrics/report-command.js';
import { loadAnswerReview } from '../../core/suggest/answer-review.js';
import { DEFAULT_TOP } from '../../core/suggest/topic-suggestions.js';
import { messageText } from '../normalize/teams-activity.js';
import { leadIdOf } from '../normalize/teams-lead.js';
import { answerReviewActivities } from '../render/answer-review-card.js';
import { type CommandLine, leadHomeActivity, staffHomeActivity } from '../render/home-card.js';
import { reportActivity } from '../render/report-card.js';
import { weeklyReviewActivities } from '../render/weekly-review-card.js';
import type { TeamsTurnDeps } from '../teams-turn-deps.js';
import { gapDays, offerGapsExport, offerTrainingExport } from './export-files.js';
import { loopOf, replyOnce, turnJob } from './lead-chat.js';
import { afterTurnItem } from '../intake/after-turn-item.js';

interface LeadCommand extends CommandLine {
  name: string;
  /** What is wrong with the words, or undefined when they are fine. */
  check(core: LoopDeps, args: string[]): string | undefined;
  run(core: LoopDeps, args: string[]): Promise<Partial<Activity>[]>;
  /** Said at once when the command runs after the turn (it may take longer than Teams waits for one). */
  accepted?: string;
}

const categories = (core: LoopDeps) => core.policy.categories.map((c) => c.name);

const COMMANDS: LeadCommand[] = [
  {
    name: 'report',
    usage: 'report [7d|30d|90d|quarter] [category]',
    what: 'the figures, by category, queue and platform, and the trend chart',
    example: 'report 30d',
    check: (core, args) => {
      const parsed = parseReportArgs(args, categories(core));
      return parsed.ok ? undefined : parsed.error;
    },
    run: async (core, args) => {
      const parsed = parseReportArgs(args, categories(core));
      return parsed.ok ? [reportActivity(await loadReport(core, parsed.request))] : [];
    },
  },
  {
    name: 'review',
    usage: 'review',
    what: 'the week\u2019s tagged escalations, then the answers to review: the history\u2019s top topics, each with its proposed answer to edit, approve or reject',
    example: 'review',
    check: (_core, args) => (args.length > 0 ? 'The review takes no words after it: it is always the last 7 days.' : undefined),
    // Proposals drafted by an LLM take seconds each: more than a turn may last.
    accepted: 'Putting the weekly review together; it will be here in a moment.',
    run: async (core) => [...weeklyReviewActivities(await loadReview(core)), ...answerReviewActivities(await loadAnswerReview(core, DEFAULT_TOP), core.policy.accounts)],
  },
  {
    name: 'export',
    usage: `export ${EXPORT_WORDS}`,
    what: 'closed escalations and edited copilot drafts as fine-tuning JSONL and CSV, personal data redacted, as files',
    example: 'export 30d',
    check: (core, args) => {
      const parsed = parseExportArgs(args, core.policy, core.clock.now());
      return parsed.ok ? undefined : parsed.error;
    },
    run: offerTrainingExport,
  },
  {
    name: 'gaps',
    usage: 'gaps [7d|30d|90d]',
    what: 'every question Baton could not answer, by topic, as a CSV file',
    example: 'gaps 30d',
    check: (_core, args) => (args.length > 1 || gapDays(args) === undefined ? 'The content gaps take one period: 7d, 30d or 90d.' : undefined),
    run: offerGapsExport,
  },
];

const HOME: CommandLine = { usage: 'home (or help)', what: 'this card' };
const text = (t: string) => ({ type: 'message', text: t, textFormat: 'plain' }) as Partial<Activity>;

/** What a lead reads in the turn, and the command to run after it, if any. */
async function leadReplies(core: LoopDeps, word: string, args: string[]): Promise<{ replies: Partial<Activity>[]; later?: LeadCommand }> {
  const name = word.toLowerCase();
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const unknown = name === 'home' || name === 'help' ? [] : [text(`I do not know \u201c${word}\u201d; here is what I can do.`)];
    return { replies: [...unknown, leadHomeActivity(await loadReport(core, { days: 7 }), [...COMMANDS, HOME])] };
  }
  const problem = command.check(core, args);
  if (problem) return { replies: [text(`${problem}\nUsage: ${command.usage}`)] };
  return command.accepted ? { replies: [text(command.accepted)], later: command } : { replies: await command.run(core, args) };
}

/**
 * What a person of the vendor's team types in their own chat with Baton: Slack's `/baton` commands and
 * App Home in one place. Leads get the reports, reviews and exports; anyone else the home card, and a
 * refusal for a lead's command. Most are answered in the turn (each reads the stores once); a command
 * that may take longer than Teams waits is acknowledged in it and sent after.
 */
export async function answerLeadChat(deps: TeamsTurnDeps, ctx: TurnContext): Promise<void> {
  const core = loopOf(deps);
  const [word = 'home', ...args] = messageText(ctx.activity).split(/\s+/).filter(Boolean);
  const lead = isLead(core.policy, leadIdOf(core.policy, await deps.directory.author(ctx)));
  const isCommand = COMMANDS.some((c) => c.name === word.toLowerCase());
  const { replies, later } = lead ? await leadReplies(core, word, args) : { replies: [isCommand ? text(LEAD_COMMANDS_ONLY) : staffHomeActivity()] };
  await replyOnce(deps, ctx, replies);
  // Recorded once the acknowledgement is out, so the lead reads it first; a turn that cannot record it fails, and Teams delivers it again.
  if (later) await deps.intake.take(afterTurnItem(ctx.activity.getConversationReference(), turnJob(ctx, later.name), { name: later.name, data: args }, Date.now()));
}

/** A lead's command recorded to run after its turn, run now with the words it was asked with (a name or words it cannot have been recorded with are a bug). */
export function runLeadCommand(core: LoopDeps, name: string, args: unknown): Promise<Partial<Activity>[]> {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command || !Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new Error(`no lead command ${name} with those words to run after the turn`);
  return command.run(core, args);
}
