/**
 * A doc section as it reads in a chat message: Markdown's **bold** and __bold__ become chat bold (*x*),
 * links become "text (url)", and a paragraph's hard-wrapped lines are joined, so a customer never sees
 * stray asterisks or a sentence broken in the middle. Lists, blank lines and code blocks keep their lines.
 */
export function markdownToChat(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => joinWrappedLines(paragraph))
    .join('\n\n')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => `*${a ?? b}*`)
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)');
}

const KEEPS_LINES = /^\s*([-*+]\s|\d+[.)]\s|```|>|\|)/;

function joinWrappedLines(paragraph: string): string {
  const lines = paragraph.split('\n');
  if (lines.some((l) => KEEPS_LINES.test(l))) return paragraph;
  return lines.map((l) => l.trim()).join(' ');
}
