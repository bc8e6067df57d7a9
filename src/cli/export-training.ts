import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../config/env.js';
import { loadPolicy } from '../config/load-policy.js';
import { AI_ACCURACY, AUTOMATION_POTENTIAL, type AiAccuracy, type AutomationPotential } from '../core/escalation/escalation.js';
import { loadTrainingExport } from '../core/feedback/load-export.js';
import { openStores } from '../infra/store/open-stores.js';
import { openCliStore } from './cli-store.js';
import { UsageError, type CliCommand } from './command.js';

const DAY = 24 * 60 * 60 * 1000;

const usage = `Usage: npm run baton -- export [options]

Writes the closed, tagged escalations of a period, and the copilot drafts a specialist edited before
sending, as training data: baton-training.jsonl in the OpenAI chat fine-tuning format
({"messages":[{"role":"system"...},{"role":"user"...},{"role":"assistant"...}]}) and
baton-escalations.csv with the trigger, the three tags, the human resolution and an edited draft's own
text (ai_draft). Emails, phone numbers, card numbers and secrets are redacted unless --no-redact is given.

Reads the store named by BATON_STORE and the policy named by BATON_CONFIG.

Options:
  --days N            the last N days (default 30)
  --category NAME     one category only
  --accuracy VALUE    ${AI_ACCURACY.join(' | ')}
  --automation VALUE  ${AUTOMATION_POTENTIAL.join(' | ')}
  --out DIR           where to write the two files (default exports/)
  --no-redact         keep personal data (the files then hold what customers wrote, as written)`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export const exportTrainingCommand: CliCommand = {
  name: 'export',
  summary: 'Export closed escalations and edited copilot drafts as fine-tuning JSONL and CSV (personal data redacted)',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        days: { type: 'string', default: '30' },
        category: { type: 'string' },
        accuracy: { type: 'string' },
        automation: { type: 'string' },
        out: { type: 'string', default: 'exports' },
        'no-redact': { type: 'boolean', default: false },
      },
    });
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1) throw new UsageError('--days must be a whole number of days');
    const env = readEnv();
    const policy = loadPolicy(env.BATON_CONFIG);
    if (values.category && !policy.categories.some((c) => c.name === values.category)) throw new UsageError(`no category named "${values.category}"`);
    const stores = await openCliStore(env.BATON_STORE, openStores);
    try {
      const now = Date.now();
      const files = await loadTrainingExport(stores, {
        since: now - days * DAY,
        until: now + 1,
        redact: !values['no-redact'],
        ...(values.category ? { category: values.category } : {}),
        ...(oneOf<AiAccuracy>(values.accuracy, AI_ACCURACY, '--accuracy') ? { accuracy: values.accuracy as AiAccuracy } : {}),
        ...(oneOf<AutomationPotential>(values.automation, AUTOMATION_POTENTIAL, '--automation') ? { automation: values.automation as AutomationPotential } : {}),
      });
      mkdirSync(values.out, { recursive: true });
      writeFileSync(join(values.out, 'baton-training.jsonl'), files.jsonl);
      writeFileSync(join(values.out, 'baton-escalations.csv'), files.csv);
      process.stdout.write(`Escalations exported to ${values.out}/: ${files.rows - files.editedDrafts} (${values['no-redact'] ? 'NOT redacted' : 'personal data redacted'})\n`);
      if (files.editedDrafts > 0) process.stdout.write(`Copilot drafts a specialist edited and sent, exported beside them: ${files.editedDrafts}\n`);
      if (files.withoutResolution > 0) {
        process.stdout.write(`Left out of baton-training.jsonl, closed with no note and no staff reply: ${files.withoutResolution}\n`);
      }
      return 0;
    } finally {
      await stores.close();
    }
  },
};
