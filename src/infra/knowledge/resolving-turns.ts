import { GREETINGS, SIGN_OFFS } from '../../core/feedback/redact-patterns.js';
import type { KnowledgeTurn } from '../../core/ports/knowledge.js';
import { withoutQuotesAndSignature } from '../../core/suggest/clean-resolution.js';

/**
 * A sentence that carries no resolution: a greeting, thanks, a holding reply or a sign-off. Matched on a
 * sentence's start only, so "Thanks to the new export, you can..." is kept when it says more.
 */
const FILLER =
  /^(thanks?( you)?( so much| again| for [^.!?]*)?|many thanks|you'?re (very )?welcome|no (problem|worries)|glad( to| i| we)?[^.!?]*|happy to help|sorry (for|about) the (wait|delay)|let me (check|look|see)|i'?ll (check|look|get back)|we'?re (checking|looking)|checking|looking into|one moment|bear with|please hold|have a (great|nice|good|lovely)|best( regards)?|kind regards|regards|cheers|all the best|talk soon)\b[^.!?]*[.!?]*$/i;
/** A greeting on its own ("Hi Maria!", "Hej Åsa,"), not one that runs on into the answer ("Hi, go to Settings..."). */
const GREETING = new RegExp(`^(?:${GREETINGS})(?![\\p{L}\\p{M}])[^,.!?]{0,40}[,.!]?$`, 'iu');
/** A sign-off of the usual support languages on its own line ("Med vänlig hälsning,"). */
const SIGN_OFF = new RegExp(`^(?:${SIGN_OFFS})(?![\\p{L}\\p{M}])[,.!]?$`, 'iu');
/** A short address or sign-off line ("Hi Maria,", "Best,") or a name alone under it ("Maria Lopez", "Åsa"), in any script. */
const FRAME_LINE = /^([\p{L}\p{M}\d_'’-]+( [\p{L}\p{M}\d_'’-]+){0,2},|\p{Lu}[\p{L}\p{M}\d_'’-]*( \p{Lu}[\p{L}\p{M}\d_'’-]*){0,2})$/u;

const filler = (sentence: string) => FILLER.test(sentence) || GREETING.test(sentence) || SIGN_OFF.test(sentence) || FRAME_LINE.test(sentence);
const OPENING_ADDRESS = new RegExp(`(?<=[.!?])\\s+|(?<=^(?:${GREETINGS})(?![\\p{L}\\p{M}])[^,.!?]{0,40},)\\s+`, 'iu');
/** Sentences of a line; an opening address ("Hi Maria,") counts as one of its own. */
const sentencesOf = (line: string) => line.split(OPENING_ADDRESS).map((s) => s.trim()).filter(Boolean);

/**
 * The turn without the email it quotes or forwards, its signature, opening greeting and closing sign-off
 * (whole sentences, kept in their lines);
 * '' when nothing else is left: the turn was only a greeting, thanks or holding reply.
 */
export function substance(text: string): string {
  const lines = withoutQuotesAndSignature(text).trim().split('\n').map(sentencesOf);
  const flat = lines.flatMap((ss, line) => ss.map((s) => ({ s, line })));
  const first = flat.findIndex((x) => !filler(x.s));
  if (first < 0) return '';
  const last = flat.findLastIndex((x) => !filler(x.s));
  const kept = flat.slice(first, last + 1);
  const out: string[] = [];
  kept.forEach((x, i) => {
    if (i > 0 && kept[i - 1]!.line === x.line) out[out.length - 1] += ` ${x.s}`;
    else out.push(x.s);
  });
  return out.join('\n');
}

/** An agent turn that asks the customer something the customer then answers: a clarifying question. */
function clarifies(turns: KnowledgeTurn[], i: number): boolean {
  const next = turns.slice(i + 1).find((t) => t.role !== 'internal');
  return next?.role === 'customer' && /\?$/.test(substance(turns[i]!.text));
}

/**
 * What may be quoted from a thread: the last substantive public agent turn and the agent turns right
 * before it with no customer turn between (a resolution sent in parts). Greetings, holding replies,
 * clarifying questions, internal notes and customer words never are.
 */
export function resolvingTurns(turns: KnowledgeTurn[]): { at: number; text: string }[] {
  const picked: { at: number; text: string }[] = [];
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.role === 'internal') continue;
    if (t.role === 'customer') {
      if (picked.length > 0) break;
      continue;
    }
    const body = substance(t.text);
    if (body !== '' && !clarifies(turns, i)) picked.unshift({ at: i, text: body });
  }
  return picked;
}
