/**
 * What reads as written for the team rather than to a customer, whatever source it came in (a Q&A's
 * resolution column, a "Resolution Notes" export, an approved text): a label saying so, an instruction
 * about what not to tell the customer, the customer spoken of in the third person in a note's terse
 * style or with their own sums and dates, and a stack trace.
 */
const TEAM_REMARKS: RegExp[] = [
  // "Internal note:", "(internal)", "[staff only]", "Agent note -", "Note to self:", "FYI team", "not for the customer".
  /^\s*(?:[([]\s*)?(?:internal|private|staff|agent|team)(?:\s+(?:note|only|remark|comment))?\s*(?:[)\]]|[:–—-]\s)/im,
  /\b(?:internal|private|staff|agent)\s+(?:note|remark|comment)s?\b/i,
  /\bnote to (?:self|team)\b|\bfyi,? team\b|\bnot for the (?:customer|client)\b|\bfor internal use\b/i,
  // What the team must keep from the customer: "don't mention the outage to them", "do not offer a discount".
  /\b(?:do not|don['’]t|never)\s+(?:tell|mention|offer|promise|disclose|reveal)\b(?!\s+(?:your|anyone|it to anyone))/i,
  // The customer in the third person, at the head of a sentence, as notes are typed: "Cx was angry", "Customer is on the legacy plan".
  /(?:^|[.!?]\s+)(?:customer|client|cx|requester|end[- ]user)(?:['’]s)?\s+(?:is|was|has|had|seems|says|said|wants|wanted|threatened|asked|called|claims|mentioned|got)\b/im,
  // What the agent did with the customer, reported in the third person: "Pointed them to Settings", "walked him through it", "user error on their end".
  /\b(?:pointed|walked|talked|told|showed|advised|reminded|informed|guided|emailed|called|pinged)\s+(?:them|him|her|the (?:customer|client|user))\b/i,
  /\buser error\b|\bon (?:their|the customer['’]s|the client['’]s) (?:side|end)\b/i,
  // Stack traces: "    at fn (file.js:12:34)", Python's traceback, Java's "(Service.java:212)", Node's "node:internal/…:1:2".
  /^\s+at\s+\S.*:\d+(?::\d+)?\)?\s*$/m,
  /\bTraceback \(most recent call last\)|^\s*File "[^"\n]+", line \d+/m,
  /\b[A-Za-z_$][\w$]*(?:\.[\w$]+)+\((?:[\w$]+\.(?:java|kt|scala|cs|go|rb|py|js|ts)):\d+\)/,
  /\bnode:[\w/]+:\d+:\d+\b/,
];

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A sum of money ("$420", "€18", "420 EUR") or a day of the calendar ("1 April", "March 3rd", "2026-04-01", "01/04", "01.04.2026"). */
const SPECIFIC = new RegExp(
  [
    String.raw`[$€£¥]\s?\d`,
    String.raw`\b\d[\d,.]*\s?(?:USD|EUR|GBP|CHF|dollars|euros|pounds)\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b`,
    String.raw`\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`,
  ].join('|'),
  'i',
);
/**
 * The customer spoken of as the subject of what happened to them: "Their renewal is ...", "They were
 * credited ...", "They upgraded ...", "We credited them ...": what happened to them. "They" followed by a
 * verb in the present or the future ("they receive an email", "they will be billed") says how things work for anyone.
 */
const THEIR_CASE = new RegExp(
  [
    String.raw`^\s*their\b`,
    String.raw`^\s*they(?:['’]ve)?\s+(?:\w+ly\s+)?(?:were|was|had|have|has|did|got|paid|owe|are due|\w+ed)\b`,
    String.raw`\b(?:credited|charged|refunded|billed|invoiced|owed?|gave|given|sent|offered|quoted|promised|comped)\s+them\b`,
  ].join('|'),
  'i',
);

/**
 * One customer's own case, told of them to another: a sentence whose subject is "they" or "their" (the
 * customer spoken of, not to) that carries a sum or a date ("Their renewal is on 1 April at $18/seat").
 * Text for everyone speaks of customers in general ("Customers on annual plans are billed on their renewal date").
 */
function theirCase(text: string): boolean {
  return text.split(/(?<=[.!?;:])\s+|\n+/).some((sentence) => THEIR_CASE.test(sentence) && SPECIFIC.test(sentence));
}

/** Whether the text holds a remark written for the team, one customer's case told in the third person, or a stack trace. */
export function teamRemark(text: string): boolean {
  return TEAM_REMARKS.some((p) => p.test(text)) || theirCase(text);
}
