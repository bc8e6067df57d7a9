import EmailReplyParser from 'email-reply-parser';
import { GREETINGS, SIGN_OFFS } from '../feedback/redact-patterns.js';
import { quoteStart } from '../guard/quoted-email.js';

/** An opening greeting on its own ("Hi Maria,", "Good morning!", "Hej Åsa,"), or the address in front of an answer. */
const GREETING = new RegExp(`^(?:${GREETINGS}|greetings)(?![\\p{L}\\p{M}])[^,.!?\\n]{0,40}[,!.]?$`, 'iu');
const GREETING_PREFIX = new RegExp(`^(?:${GREETINGS})(?![\\p{L}\\p{M}])[^,.!?\\n]{0,40},\\s+(?=\\S)`, 'iu');

/** Courtesy with no content: thanks, hopes, offers to help further, wishes. */
const COURTESY = [
  /^(many )?thanks?( you)?( so much| again| very much)?( for [^.!?]*)?[.!]*$/i,
  /^(i )?hope (this|that|you|all)\b[^.!?]*[.!]*$/i,
  /^(please )?(let (me|us) know|feel free|don'?t hesitate|do not hesitate|reach out)\b[^.!?]*\b(questions?|help|anything( else)?|assist(ance)?)\b[^.!?]*[.!]*$/i,
  /^(happy|glad) to help\b[^.!?]*[.!]*$/i,
  /^(have a (great|nice|good|lovely|wonderful) (day|week|weekend|evening)|talk soon|take care)\b[^.!?]*[.!]*$/i,
  /^(sorry|apologies) (for|about) (the )?(wait|delay|late reply|inconvenience)\b[^.!?]*[.!]*$/i,
];

/**
 * What a helpdesk's automation writes about the ticket itself: no reply for days, marked solved,
 * reply to reopen. It speaks of one ticket's life, never of the question.
 */
const TICKET_LIFECYCLE = [
  // Not having heard from the customer; "if you have not received your item" is an answer's content.
  /\b(haven'?t|have not|hasn'?t|has not|did ?n[o']t|not) (yet )?(heard( back| from you)?|received (a |any |your )?(reply|response|answer|word))\b/i,
  /\b(mark|marking|marked|set|setting|close|closing|closed)\b[^.!?]{0,60}\b(request|ticket|case|conversation|thread)\b[^.!?]{0,40}\b(solved|resolved|closed|complete|pending)\b/i,
  /\b(this|your|the) (request|ticket|case|conversation|thread)\b[^.!?]{0,30}\b(will|has|is|was)\b[^.!?]{0,25}\b(closed|solved|resolved|marked)\b/i,
  /\b(re-?open)\b[^.!?]{0,60}\b(request|ticket|case|conversation|thread)\b|\b(request|ticket|case|conversation|thread)\b[^.!?]{0,60}\bre-?open/i,
  /\bautomatically (closed|solved|resolved)\b/i,
];

/** A note between colleagues: handing the ticket on, looping someone in, or a labelled internal note. */
const INTERNAL = [
  /^(@[\w.-]+\s+)?(passing|handing|assigning|re-?assigning|escalating|transferring|routing|moving|forwarding|sending|bumping|kicking)( (this|it|the (ticket|case|conversation|request)))?( (over|back|along|up|on))? to\b/i,
  /^(@[\w.-]+\s+)?(re-?assigned|escalated|transferred|routed|handed( over)?|passed( on)?) (to|over)\b/i,
  /^(@[\w.-]+\s+)?loop(ing)? in\b/i,
  /^[[(]?(internal( note)?|note to (self|team)|private note|fyi|cc)\b[\]):]?[:\s-]/i,
  /^@[\w.-]+\b/,
];

const removable = (sentence: string) =>
  GREETING.test(sentence) || COURTESY.some((p) => p.test(sentence)) || TICKET_LIFECYCLE.some((p) => p.test(sentence)) || INTERNAL.some((p) => p.test(sentence));

/** Sentences of one line: split after . ! ? followed by a space. */
const sentencesOf = (line: string) =>
  line
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A sign-off line, in the usual support languages, or the signature delimiter "--": what follows it (a name, a role, a company) is the signature. */
const SIGN_OFF = new RegExp(`^(?:(?:${SIGN_OFFS}|best wishes|sincerely yours|yours|all the best|talk soon)[,.!]?|--)$`, 'iu');
/** A signature is a few short lines under the sign-off. */
const SIGNATURE_LINES = 4;

function cutQuotesAndSignature(lines: string[]): string[] {
  const quote = quoteStart(lines);
  const own = quote < 0 ? lines : lines.slice(0, quote);
  const signOff = own.findLastIndex((l) => SIGN_OFF.test(l.trim()));
  const tail = own.slice(signOff + 1).filter((l) => l.trim() !== '');
  return signOff >= 0 && tail.length <= SIGNATURE_LINES && tail.every((l) => l.length <= 60) ? own.slice(0, signOff) : own;
}

/** The text without the earlier messages it quotes or forwards ("On … wrote:", "> …", Outlook's From:/Sent: block) or the signature under a sign-off. */
export function withoutQuotesAndSignature(text: string): string {
  return cutQuotesAndSignature(text.split('\n'))
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
}

/** The same, after the mail parser took out what it knows of other clients' quotes and signatures ("Sent from my iPhone"). */
function ownReply(text: string): string {
  return withoutQuotesAndSignature(new EmailReplyParser().read(text).getVisibleText());
}

/**
 * A resolving turn as an answer for any customer: the reply only (no quoted email, no signature), without
 * its greeting, courtesy lines, the helpdesk's ticket-lifecycle macros and notes between colleagues.
 * Paragraphs are kept; '' when nothing of substance is left.
 */
export function cleanResolution(text: string): string {
  const paragraphs = ownReply(text.replace(/\r\n?/g, '\n')).split(/\n\s*\n/);
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const lines = paragraph
      .split('\n')
      .map((line) => sentencesOf(line.trim()).filter((s) => !removable(s)).join(' '))
      .filter((line) => line !== '');
    if (lines.length > 0) kept.push(lines.join('\n'));
  }
  const out = kept.join('\n\n').trim();
  return out.replace(GREETING_PREFIX, '').replace(/^[a-z]/, (c) => c.toUpperCase());
}
