import type { Policy } from '../../config/policy-schema.js';
import { AI_ACCURACY, AUTOMATION_POTENTIAL, type AiAccuracy, type AutomationPotential } from '../escalation/escalation.js';
import type { ExportFilter } from './training-export.js';

const DAY = 24 * 60 * 60 * 1000;

export type ParsedExportArgs = { ok: true; filter: ExportFilter } | { ok: false; error: string };

/** The one description of these words; the slash command (and Teams' `export`) shows it after any error below. */
export const EXPORT_WORDS = `[7d|30d|90d] [category] [accuracy=${AI_ACCURACY.join('|')}] [automation=${AUTOMATION_POTENTIAL.join('|')}]`;
export const EXPORT_USAGE = `\`/baton export ${EXPORT_WORDS}\``;

/**
 * The slash command's words: a period, a category, and key=value filters, in any order. Redaction
 * cannot be switched off from Slack; only the CLI, run by an operator on the server, can.
 */
export function parseExportArgs(words: string[], policy: Pick<Policy, 'categories'>, now: number): ParsedExportArgs {
  let days = 30;
  const filter: Omit<ExportFilter, 'since' | 'until'> = { redact: true };
  for (const word of words) {
    const [key, value] = word.includes('=') ? word.split('=', 2) : [undefined, word];
    const period = /^(\d{1,3})d$/.exec(word);
    if (period) days = Number(period[1]);
    else if (key === 'accuracy' && (AI_ACCURACY as readonly string[]).includes(value!)) filter.accuracy = value as AiAccuracy;
    else if (key === 'automation' && (AUTOMATION_POTENTIAL as readonly string[]).includes(value!)) filter.automation = value as AutomationPotential;
    else if (key === undefined && policy.categories.some((c) => c.name === value)) filter.category = value;
    else return { ok: false, error: `I did not understand "${word}".` };
  }
  if (days < 1 || days > 365) return { ok: false, error: 'The period must be between 1d and 365d.' };
  return { ok: true, filter: { ...filter, since: now - days * DAY, until: now + 1 } };
}
