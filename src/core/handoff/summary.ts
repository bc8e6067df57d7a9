import type { Decision } from '../model/decision.js';
import type { Turn } from '../model/message.js';

const MAX = 280;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}\u2026`;
}

/**
 * A short, extractive summary: what the customer first asked, what they said last, and how far the
 * bot got. Extractive on purpose: it cannot invent facts about the customer's situation.
 */
export function summarize(turns: readonly Turn[], decision: Decision, drafted = false): string {
  const asked = turns.filter((t) => t.role === 'customer');
  const first = asked[0];
  const last = asked[asked.length - 1];
  const botAnswers = turns.filter((t) => t.role === 'bot').length;
  const parts: string[] = [];
  if (first) parts.push(`Customer asked: \u201c${clip(first.text, MAX)}\u201d`);
  if (last && last !== first) parts.push(`Latest: \u201c${clip(last.text, MAX)}\u201d`);
  parts.push(
    drafted
      ? `Baton drafted an answer for review (${decision.category}, ${decision.risk} risk); nothing has been sent to the customer.`
      : botAnswers === 0
      ? `Baton did not answer (${decision.category}, ${decision.risk} risk).`
      : `Baton answered ${botAnswers} time${botAnswers === 1 ? '' : 's'} before handing over (${decision.category}, ${decision.risk} risk).`,
  );
  return parts.join('\n');
}
