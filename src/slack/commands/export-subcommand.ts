import { EXPORT_USAGE, parseExportArgs } from '../../core/feedback/export-args.js';
import { loadTrainingExport } from '../../core/feedback/load-export.js';
import { pluralize } from '../render/pluralize.js';
import { utcDayLabel } from '../render/report-format.js';
import { loopDeps } from './loop-deps.js';
import type { Subcommand } from './subcommand.js';

/** `/baton export ...`: closed escalations (and edited copilot drafts) as fine-tuning JSONL and as CSV, redacted, as files in the lead's DM. */
export const exportSubcommand: Subcommand = {
  name: 'export',
  usage: EXPORT_USAGE,
  check: (deps, args) => {
    const parsed = parseExportArgs(args, deps.core.policy, deps.core.clock.now());
    return parsed.ok ? undefined : parsed.error;
  },
  accepted: () => 'Preparing the export (personal data redacted); the files will be in your DM with Baton.',
  async run(deps, dm, args) {
    const core = loopDeps(deps);
    const parsed = parseExportArgs(args, core.policy, core.clock.now());
    if (!parsed.ok) return;
    const files = await loadTrainingExport({ ...core, facts: core.loop.facts }, parsed.filter);
    const stamp = utcDayLabel(core.clock.now());
    if (files.rows === 0) {
      await dm.send({ text: 'No closed and tagged escalations or edited copilot drafts match that export.' });
      return;
    }
    const leftOut = files.withoutResolution > 0 ? ` ${pluralize(files.withoutResolution, 'escalation')} closed with no note and no staff reply left out of the fine-tuning data.` : '';
    // Slack refuses an empty upload: when no escalation has a resolution there is no fine-tuning file.
    const jsonl = files.jsonl ? [{ filename: `baton-training-${stamp}.jsonl`, title: 'Fine-tuning data (OpenAI chat format)', bytes: Buffer.from(files.jsonl) }] : [];
    const escalations = files.rows - files.editedDrafts;
    const what = [escalations > 0 ? pluralize(escalations, 'escalation') : '', files.editedDrafts > 0 ? pluralize(files.editedDrafts, 'edited copilot draft') : ''].filter(Boolean).join(' and ');
    await dm.send({ text: `Training export: ${what}, personal data redacted.${leftOut}` }, [
      ...jsonl,
      { filename: `baton-escalations-${stamp}.csv`, title: 'Escalations with tags (CSV)', bytes: Buffer.from(files.csv) },
    ]);
  },
};
