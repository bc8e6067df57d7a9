/**
 * A draft as the customer reads it once a specialist sends it: specialist replies reach the customer as
 * plain text on every platform, and knowledge answers are Markdown, so **bold** and __bold__ lose their
 * marks and a link becomes "text (url)", keeping the address the customer follows in view (as Slack's
 * rendering of an answer does).
 */
export function plainDraft(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => a ?? b ?? '').replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)');
}
