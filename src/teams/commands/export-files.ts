import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { LEAD_COMMANDS_ONLY } from '../../core/copy/refusals.js';
import type { LoopDeps } from '../../core/deps.js';
import { gapsCsv, loadFeedbackReview } from '../../core/feedback/content-gaps.js';
import { parseExportArgs } from '../../core/feedback/export-args.js';
import { nearestInKnowledge } from '../../core/feedback/nearest-articles.js';
import { loadTrainingExport } from '../../core/feedback/load-export.js';
import { isLead } from '../../core/metrics/leads.js';
import { DEFAULT_REPORT_DAYS, reportPeriod } from '../../core/metrics/report-command.js';
import { leadIdOf } from '../normalize/teams-lead.js';
import type { TeamsTurnDeps } from '../teams-turn-deps.js';
import { isPersonalChat, loopOf, replyOnce, turnJob } from './lead-chat.js';
import { afterTurnItem } from '../intake/after-turn-item.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/**
 * Exports reach the lead as files in their chat with Baton, the way Teams gives a bot's files to a person:
 * a file consent card; on Allow, Teams names an upload URL in the lead's own OneDrive, Baton uploads
 * there and posts the file. Nothing is kept on Baton's side meanwhile: the card carries only which file
 * and its words, and the file is built again, for a lead, when they allow it.
 */
const FILES = ['training', 'escalations', 'gaps'] as const;

const fileContext = z.object({ file: z.enum(FILES), args: z.array(z.string().max(100)).max(10) });
type FileContext = z.output<typeof fileContext>;

interface ExportFile {
  name: string;
  description: string;
  bytes: Buffer;
}

const day = (now: number) => new Date(now).toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const gapDays = (args: string[]) => (args[0] ? reportPeriod(args[0]) : DEFAULT_REPORT_DAYS);

/** One file of an export, built from the stores now; undefined when there is nothing to put in it. */
async function buildFile(core: LoopDeps, { file, args }: FileContext): Promise<ExportFile | undefined> {
  const now = core.clock.now();
  if (file === 'gaps') {
    const days = gapDays(args) ?? DEFAULT_REPORT_DAYS;
    const { gaps } = await loadFeedbackReview(core.loop.feedback, now, days);
    return gaps.length === 0 ? undefined : { name: `baton-content-gaps-${day(now)}.csv`, description: `Content gaps by topic, last ${days} days (CSV, example questions redacted)`, bytes: Buffer.from(gapsCsv(gaps, nearestInKnowledge(core))) };
  }
  const parsed = parseExportArgs(args, core.policy, now);
  if (!parsed.ok) return undefined;
  const files = await loadTrainingExport({ ...core, facts: core.loop.facts }, parsed.filter);
  if (file === 'training') return files.jsonl ? { name: `baton-training-${day(now)}.jsonl`, description: 'Fine-tuning data (OpenAI chat format), personal data redacted', bytes: Buffer.from(files.jsonl) } : undefined;
  return files.rows > 0 ? { name: `baton-escalations-${day(now)}.csv`, description: 'Escalations with tags (CSV), personal data redacted', bytes: Buffer.from(files.csv) } : undefined;
}

function consentCard(f: ExportFile, context: FileContext): Partial<Activity> {
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.teams.card.file.consent',
      name: f.name,
      content: { description: f.description, sizeInBytes: f.bytes.length, acceptContext: context, declineContext: context },
    }],
  } as Partial<Activity>;
}

const text = (t: string) => ({ type: 'message', text: t, textFormat: 'plain' }) as Partial<Activity>;

/** `export …`: what the export holds, then a consent card for each file (the CSV always, the fine-tuning JSONL when any escalation has a resolution). */
export async function offerTrainingExport(core: LoopDeps, args: string[]): Promise<Partial<Activity>[]> {
  const parsed = parseExportArgs(args, core.policy, core.clock.now());
  if (!parsed.ok) return [];
  const files = await loadTrainingExport({ ...core, facts: core.loop.facts }, parsed.filter);
  if (files.rows === 0) return [text('No closed and tagged escalations or edited copilot drafts match that export.')];
  const escalations = files.rows - files.editedDrafts;
  const what = [escalations > 0 ? plural(escalations, 'escalation') : '', files.editedDrafts > 0 ? plural(files.editedDrafts, 'edited copilot draft') : ''].filter(Boolean).join(' and ');
  const leftOut = files.withoutResolution > 0 ? ` ${plural(files.withoutResolution, 'escalation')} closed with no note and no staff reply left out of the fine-tuning data.` : '';
  const offers: Partial<Activity>[] = [];
  for (const file of ['training', 'escalations'] as const) {
    const built = await buildFile(core, { file, args });
    if (built) offers.push(consentCard(built, { file, args }));
  }
  return [text(`Training export: ${what}, personal data redacted.${leftOut} Allow each file below and Teams puts it in your OneDrive and in this chat.`), ...offers];
}

/** `gaps [7d|30d|90d]`: every content gap of the period as a CSV file to allow. */
export async function offerGapsExport(core: LoopDeps, args: string[]): Promise<Partial<Activity>[]> {
  const days = gapDays(args) ?? DEFAULT_REPORT_DAYS;
  const { gaps } = await loadFeedbackReview(core.loop.feedback, core.clock.now(), days);
  if (gaps.length === 0) return [text(`No content gaps in the last ${days} days: Baton had an answer for every question.`)];
  const questions = gaps.reduce((n, g) => n + g.count, 0);
  const built = await buildFile(core, { file: 'gaps', args });
  return [text(`Content gaps, last ${days} days: ${plural(questions, 'question')} in ${plural(gaps.length, 'topic')}, example questions redacted.`), ...(built ? [consentCard(built, { file: 'gaps', args })] : [])];
}

const uploadInfo = z.object({ name: z.string(), uploadUrl: z.string(), contentUrl: z.string(), uniqueId: z.string(), fileType: z.string() }).partial();
type UploadInfo = z.output<typeof uploadInfo> & { uploadUrl: string };

/** The name of the upload a lead allowed, as work after the turn (AfterTurnWork). */
export const UPLOAD_WORK = 'upload';
const uploadWork = z.object({ context: fileContext, uploadInfo: uploadInfo.extend({ uploadUrl: z.string() }) });
type UploadWork = z.output<typeof uploadWork>;

const consentValue = z.object({ action: z.enum(['accept', 'decline']), context: fileContext, uploadInfo: uploadInfo.optional() });

/** Puts the bytes where Teams said (one PUT with the whole range, as Teams' file upload takes a small file). */
async function upload(url: string, bytes: Buffer): Promise<void> {
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: bytes,
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new BatonError('BATON_TEAMS_UPLOAD', `the file upload was refused with HTTP ${res.status}`);
}

/** The file, built again and uploaded where Teams said, as the file card the lead then sees in the chat. */
async function uploaded(core: LoopDeps, context: FileContext, info: UploadInfo): Promise<Partial<Activity>[]> {
  const file = await buildFile(core, context);
  if (!file) return [text('That export is empty now: nothing was uploaded.')];
  await upload(info.uploadUrl, file.bytes);
  const card = { contentType: 'application/vnd.microsoft.teams.card.file.info', contentUrl: info.contentUrl, name: info.name ?? file.name, content: { uniqueId: info.uniqueId, fileType: info.fileType } };
  return [{ type: 'message', attachments: [card] } as Partial<Activity>];
}

/**
 * The lead's answer on a file consent card (invoke `fileConsent/invoke`): on Allow the file is built again
 * (only for a lead, only in their personal chat) and uploaded to the URL Teams named, if it is a host
 * replies may go to (Microsoft's, SharePoint's, TEAMS_SERVICE_HOSTS), after the turn (an upload may take
 * longer than Teams waits for an invoke); then it is posted as a file card.
 */
export async function answerFileConsent(deps: TeamsTurnDeps, ctx: TurnContext): Promise<void> {
  const parsed = consentValue.safeParse(ctx.activity.value);
  const say = (t: string) => replyOnce(deps, ctx, [text(t)]);
  if (!parsed.success || !isPersonalChat(ctx)) return void deps.log.warn({ conversation: ctx.activity.conversation?.id }, 'malformed or misplaced Teams file consent ignored');
  const { action, context, uploadInfo } = parsed.data;
  if (action === 'decline') return void (await say('Not sent: nothing was uploaded.'));
  const core = loopOf(deps);
  if (!isLead(core.policy, leadIdOf(core.policy, await deps.directory.author(ctx)))) return void (await say(LEAD_COMMANDS_ONLY));
  const url = uploadInfo?.uploadUrl;
  if (!uploadInfo || !url || !deps.uploadAllowed(url)) {
    deps.log.warn({ host: url && URL.canParse(url) ? new URL(url).host : undefined }, 'Teams file upload URL on a host Baton does not send to; refused');
    return void (await say('The file could not be uploaded: Teams named an upload address Baton does not send to.'));
  }
  const upload: UploadWork = { context, uploadInfo: { ...uploadInfo, uploadUrl: url } };
  await deps.intake.take(afterTurnItem(ctx.activity.getConversationReference(), turnJob(ctx, 'export'), { name: UPLOAD_WORK, data: upload }, Date.now()));
}

/** The file upload a lead allowed, recorded to run after the turn, run now: its data is checked again as it comes back from the store. */
export function uploadAllowedFile(core: LoopDeps, data: unknown): Promise<Partial<Activity>[]> {
  const { context, uploadInfo } = uploadWork.parse(data);
  return uploaded(core, context, uploadInfo);
}
