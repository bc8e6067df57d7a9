/**
 * What reads as written for the team rather than to a customer, whatever source it came in (a Q&A's
 * resolution column, a "Resolution Notes" export, an approved text): a label saying so, an instruction
 * about what not to tell the customer, the customer spoken of in the third person in a note's terse
 * style, and a stack trace.
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

/** Whether the text holds a remark written for the team or a stack trace. */
export function teamRemark(text: string): boolean {
  return TEAM_REMARKS.some((p) => p.test(text));
}
