/**
 * Where an email starts quoting or forwarding another one, in the mail clients' own words and in the
 * usual support languages: what follows is another person's message (their words, their name, their
 * address), never part of an answer. Read by the import's cleaning, kb suggest's and the last guard.
 */

/** "On Tue, 3 Mar 2026, Ana <ana@…> wrote:" and the same attribution line of the other languages. */
const ATTRIBUTION =
  /^(?:On|Am|Le|El|Il|Em|Op|Den|På|W dniu)\s.{1,200}?(?<![\p{L}\p{M}])(?:wrote|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|skrev|napisał(?:\(a\))?)(?![\p{L}\p{M}])[^\n:]{0,200}\s?:$/iu;
/** "-----Original Message-----", "---------- Forwarded message ---------", and their translations. */
const SEPARATOR =
  /^-{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|mensaje reenviado|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht|ursprungligt meddelande|vidarebefordrat meddelande)\s*-{2,}$|^begin forwarded message:$/iu;
/** The "From:" of a quoted header block, and the lines of the block below it (Outlook writes no attribution line). */
const FROM = /^(?:From|Von|De|Van|Da|Från|Fra|Od):\s/iu;
const SENT = /^(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha|Verzonden|Inviato|Data|Skickat|Sendt|Wysłano):\s/iu;
/** A From: line with an address on it is a header whatever follows. */
const FROM_ADDRESS = /^From: .{0,100}\S+@\S+.{0,100}$/i;
/** Outlook's rule above its header block. */
const RULE = /^[_-]{8,}$/;

/** Whether line `i` opens a quoted or forwarded message. */
export function opensQuote(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (ATTRIBUTION.test(line) || SEPARATOR.test(line) || FROM_ADDRESS.test(line)) return true;
  if (FROM.test(line)) return lines.slice(i + 1, i + 4).some((l) => SENT.test(l.trim()));
  return RULE.test(line) && lines.slice(i + 1).find((l) => l.trim() !== '') !== undefined && opensQuote(lines, lines.findIndex((l, j) => j > i && l.trim() !== ''));
}

/** The index of the line where the first quoted or forwarded message starts, or -1. */
export function quoteStart(lines: readonly string[]): number {
  return lines.findIndex((_, i) => opensQuote(lines, i));
}
