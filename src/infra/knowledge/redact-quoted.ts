import { redact } from '../../core/feedback/redact.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text kept from a past conversation, with personal data taken out: the people the export names
 * (each full name and each part of it of 3 letters or more) and everything `redact` finds.
 */
export function redactQuoted(text: string, names: readonly string[]): string {
  const parts = [...new Set(names.flatMap((n) => [n, ...n.split(/[\s.@_-]+/)]).map((p) => p.trim()).filter((p) => p.length >= 3))];
  const out = redact(text);
  if (parts.length === 0) return out;
  const byLength = parts.sort((a, b) => b.length - a.length).map(escape);
  return out.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${byLength.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), '[NAME]');
}
