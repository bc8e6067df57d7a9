/**
 * A doc section as the knowledge base stores it: Markdown, with each paragraph's hard-wrapped lines joined
 * so no chat shows a sentence broken in the middle. Bold, links, lists, blank lines and code blocks stay
 * Markdown; each platform's edge renders them (Slack mrkdwn, an Adaptive Card's Markdown, the web).
 */
export function joinWrappedParagraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => joinWrappedLines(paragraph))
    .join('\n\n');
}

const KEEPS_LINES = /^\s*([-*+]\s|\d+[.)]\s|```|>|\|)/;

function joinWrappedLines(paragraph: string): string {
  const lines = paragraph.split('\n');
  if (lines.some((l) => KEEPS_LINES.test(l))) return paragraph;
  return lines.map((l) => l.trim()).join(' ');
}
